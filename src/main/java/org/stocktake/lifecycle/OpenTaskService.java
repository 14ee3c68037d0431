package org.stocktake.lifecycle;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The user tasks open on a recommendation, or of one kind, for reports that must not reach into the engine. */
@Service
public class OpenTaskService {

    /** What each of the model's timers brings, in the words a recommendation's page uses. */
    private static final Map<String, String> TIMERS = Map.of(
            "BoundaryEvent_ResponseReminderDue", "Reminder to the addressee",
            "BoundaryEvent_ResponseOverdue", "Check for an overdue response; the escalation policy decides whether the board is told",
            "IntermediateCatchEvent_ReportingWindowOpens", "The next quarterly update opens for the owner",
            "BoundaryEvent_UpdateReminderDue", "Reminder to the owner",
            "BoundaryEvent_UpdateOverdue", "Check for an overdue update; the escalation policy decides whether the board is told",
            "IntermediateCatchEvent_AssuranceDue", "The board checks that the closure still holds");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    OpenTaskService(TaskService taskService, RuntimeService runtimeService, ManagementService managementService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** Something the process will do by itself, and when: a reminder, a window opening, a check. */
    public record Upcoming(String what, OffsetDateTime when) {
    }

    /** What the recommendation's process will do next by itself, soonest first. */
    public List<Upcoming> upcoming(String businessKey) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).singleResult();
        if (instance == null) {
            return List.of();
        }
        Map<String, String> activities = managementService.createJobDefinitionQuery().processDefinitionId(instance.getProcessDefinitionId())
                .list().stream().collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().orderByJobDuedate().asc().list().stream()
                .filter(timer -> TIMERS.containsKey(activities.get(timer.getJobDefinitionId())))
                .map(timer -> new Upcoming(TIMERS.get(activities.get(timer.getJobDefinitionId())), utc(timer.getDuedate())))
                .toList();
    }

    /** Each recommendation's soonest open task due date, by business key; one without a dated task is not in it. */
    public Map<String, OffsetDateTime> soonestDue() {
        Map<String, String> businessKeys = lifecycleBusinessKeys();
        Map<String, OffsetDateTime> due = new HashMap<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY).dueAfter(new Date(0)).list()) {
            String businessKey = businessKeys.get(task.getProcessInstanceId());
            if (businessKey != null) {
                due.merge(businessKey, utc(task.getDueDate()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return due;
    }

    /** The business keys of the recommendations with a task open for a group (its candidate group, claimed or not). */
    public Set<String> waitingOn(String groupId) {
        Map<String, String> businessKeys = lifecycleBusinessKeys();
        return taskService.createTaskQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY).taskCandidateGroup(groupId)
                .includeAssignedTasks().list().stream()
                .map(task -> businessKeys.get(task.getProcessInstanceId())).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private Map<String, String> lifecycleBusinessKeys() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
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
        return tasks.stream().map(task -> new RecommendationTask(businessKeys.get(task.getProcessInstanceId()), task.getName(),
                utc(task.getCreateTime()), utc(task.getDueDate()))).toList();
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
