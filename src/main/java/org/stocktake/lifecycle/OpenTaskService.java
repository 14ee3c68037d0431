package org.stocktake.lifecycle;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The user tasks open on a recommendation, or of one kind, for reports that must not reach into the engine. */
@Service
public class OpenTaskService {

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    OpenTaskService(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    public List<OpenTask> of(String businessKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .orderByTaskCreateTime().asc().list();
        return tasks.stream().map(this::openTask).toList();
    }

    /** Every open task of one kind, with the business key of its recommendation, oldest first. */
    public List<RecommendationTask> waitingAt(String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, String> businessKeys = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return tasks.stream().map(task -> new RecommendationTask(businessKeys.get(task.getProcessInstanceId()), openTask(task))).toList();
    }

    private OpenTask openTask(Task task) {
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), candidateGroups(task.getId()), task.getAssignee(),
                utc(task.getCreateTime()), utc(task.getDueDate()));
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
