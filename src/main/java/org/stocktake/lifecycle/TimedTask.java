package org.stocktake.lifecycle;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/**
 * The user task a boundary timer's step belongs to: the open task of its key, for the group it
 * waits on; and whether a reminder for it is still worth sending.
 */
final class TimedTask {

    private TimedTask() {
    }

    static Optional<Task> of(DelegateExecution execution, String taskKey, String candidateGroup) {
        return Optional.ofNullable(execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .taskCandidateGroup(candidateGroup).includeAssignedTasks()
                .singleResult());
    }

    /**
     * Nobody is reminded of something already overdue (the overdue checks tell them instead), nor by
     * a reminder whose date had passed when the task opened (registered within the reminder window):
     * the task's own notice told them.
     */
    static boolean reminderWorthSending(Task task, Date reminderDue, Date due, Instant now) {
        return task != null && !reminderDue.before(task.getCreateTime()) && due.toInstant().isAfter(now);
    }
}
