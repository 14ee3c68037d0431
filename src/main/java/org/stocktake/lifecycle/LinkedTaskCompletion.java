package org.stocktake.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;

/**
 * Completes a task for an organisation without accounts, through a response link. The link acts as
 * a member of that organisation and of nothing else (its own name as the user, the organisation as
 * its only group), so the engine's authorizations and the task's listeners check it exactly as they
 * check a member: it can complete only a task the process gave to that organisation.
 */
@Component
public class LinkedTaskCompletion {

    private final OpenTaskService openTasks;
    private final TaskService taskService;
    private final IdentityService identityService;

    LinkedTaskCompletion(OpenTaskService openTasks, TaskService taskService, IdentityService identityService) {
        this.openTasks = openTasks;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** The open task of that kind waiting on the organisation, if there is one. */
    public Optional<OpenTask> waitingOn(String businessKey, String taskKey, String organisation) {
        return openTasks.of(businessKey).stream()
                .filter(task -> task.key().equals(taskKey) && task.candidateGroups().contains(organisation))
                .findFirst();
    }

    /**
     * Completes the task with the form's fields, as {@code actingAs} of {@code organisation}, in the
     * caller's transaction. A listener's refusal (a missing field, a clash) comes back as itself,
     * not wrapped in the engine's exception, so the form can show it at its field.
     */
    public void complete(String taskId, String actingAs, String organisation, Map<String, Object> fields) {
        var before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(actingAs, List.of(organisation));
        try {
            taskService.complete(taskId, fields);
        } catch (ProcessEngineException wrapped) {
            for (Throwable cause = wrapped.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException || cause instanceof ConflictException || cause instanceof ForbiddenException) {
                    throw (RuntimeException) cause;
                }
            }
            throw wrapped;
        } finally {
            identityService.setAuthentication(before);
        }
    }
}
