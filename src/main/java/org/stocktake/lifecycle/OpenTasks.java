package org.stocktake.lifecycle;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The user tasks open on a recommendation, for reports that must not reach into the engine. */
@Service
public class OpenTasks {

    private final TaskService taskService;

    OpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    public List<OpenTask> of(String businessKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .orderByTaskCreateTime().asc().list();
        return tasks.stream().map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                candidateGroups(task.getId()), task.getAssignee(), utc(task.getCreateTime()), utc(task.getDueDate()))).toList();
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
