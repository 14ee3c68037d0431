package org.stocktake.lifecycle;

import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.notify.DueReminder;
import org.stocktake.notify.ReminderKind;
import org.stocktake.notify.Reminders;

/**
 * The model's reminder steps: {@code ${reminding.addressee(execution)}} and {@code ${reminding.owner(execution)}}.
 * Nobody is reminded of something already overdue: the overdue checks tell them instead. The days
 * ahead are counted from when the reminder fell due, not from when it runs, so a timer run again
 * later (after a crash) makes the same reminder, which the reminder table's unique key keeps once.
 */
@Component("reminding")
public class Reminding {

    private final Reminders reminders;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;

    Reminding(Reminders reminders, ResponseRound responseRound, ReportingCalendar calendar) {
        this.reminders = reminders;
        this.responseRound = responseRound;
        this.calendar = calendar;
    }

    /** Reminds an addressee that its response is due. */
    public void addressee(DelegateExecution execution) {
        long recommendationId = recommendationId(execution);
        String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
        Date deadline = responseRound.deadline(recommendationId);
        if (deadline.before(ClockUtil.getCurrentTime())) {
            return;
        }
        reminders.remind(new DueReminder(recommendationId, ReminderKind.RESPONSE_DUE, addressee, addressee,
                deadline.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(responseRound.reminderDue(recommendationId), deadline),
                "Response from " + addressee + " due",
                openTask(execution, LifecycleModel.TASK_RECORD_RESPONSE, addressee)));
    }

    /** Reminds the owner that the quarter's progress update is due. */
    public void owner(DelegateExecution execution) {
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        Date due = calendar.dueAt(quarter);
        if (due.before(ClockUtil.getCurrentTime())) {
            return;
        }
        reminders.remind(new DueReminder(recommendationId(execution), ReminderKind.UPDATE_DUE, ownerGroup, quarter,
                due.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(calendar.reminderAt(quarter), due),
                "Progress update for " + quarter + " due",
                openTask(execution, LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, ownerGroup)));
    }

    private static String openTask(DelegateExecution execution, String taskKey, String candidateGroup) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .taskCandidateGroup(candidateGroup).includeAssignedTasks()
                .singleResult();
        return task == null ? null : task.getId();
    }

    private static long recommendationId(DelegateExecution execution) {
        return (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
    }
}
