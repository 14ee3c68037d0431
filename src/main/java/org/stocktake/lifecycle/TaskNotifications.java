package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stocktake.notify.Notice;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.NotificationService;
import org.stocktake.oversight.EscalationService;

/**
 * Tells people when a task waits for them, from the engine's task events (published inside the
 * engine's transaction): a new task to its candidate groups, an assigned task to its assignee. A
 * person who claims a task is not told of it. A task already overdue when it opens (registered
 * after its deadline, opened late) is told of by its overdue check, which runs at once, not as a
 * new or an assigned task.
 */
@Component
class TaskNotifications {

    private final NotificationService notifications;
    private final EscalationService escalations;
    private final Clock clock;

    TaskNotifications(NotificationService notifications, EscalationService escalations, Clock clock) {
        this.notifications = notifications;
        this.escalations = escalations;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'assignment'")
    public void onTaskEvent(DelegateTask task) {
        Object recommendationId = task.getVariable(ProcessVariables.RECOMMENDATION_ID);
        if (recommendationId == null || overdueAsItOpens(task)) {
            return;
        }
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
            List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
            notifications.toGroups(notice(NoticeKind.TASK_OPENED, task, (Long) recommendationId), groups);
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
                && !task.getAssignee().equals(actingUser(task))) {
            notifications.toUser(notice(NoticeKind.TASK_ASSIGNED, task, (Long) recommendationId), task.getAssignee());
        }
    }

    /**
     * Overdue as it opens: its creation, or the assignment that comes with it (a task the engine has
     * not updated yet has no last-updated time; a later reassignment has one and is told).
     */
    private boolean overdueAsItOpens(DelegateTask task) {
        boolean opening = TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getLastUpdated() == null;
        return opening && task.getDueDate() != null && !task.getDueDate().toInstant().isAfter(clock.instant());
    }

    private Notice notice(NoticeKind kind, DelegateTask task, long recommendationId) {
        // the escalation a board's review task is about is its own copy, on its execution (the process keeps the latest)
        Object escalation = LifecycleModel.TASK_REVIEW_ESCALATION.equals(task.getTaskDefinitionKey())
                ? task.getExecution().getVariableLocal(ProcessVariables.ESCALATION_ID) : null;
        Object quarter = task.getVariable(ProcessVariables.REPORTING_QUARTER);
        String detail = escalation != null ? escalations.get((Long) escalation).summary()
                : LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE.equals(task.getTaskDefinitionKey()) ? "For the quarter " + quarter + "."
                : null;
        return new Notice(kind, recommendationId, task.getName(), detail, task.getId(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant().atOffset(ZoneOffset.UTC));
    }

    private static String actingUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
