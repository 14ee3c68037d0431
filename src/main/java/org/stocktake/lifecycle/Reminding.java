package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.notify.DueReminder;
import org.stocktake.notify.ReminderKind;
import org.stocktake.notify.Reminders;

/**
 * The model's reminder steps: {@code ${reminding.addressee(execution)}} and {@code ${reminding.owner(execution)}}.
 * Nobody is reminded of something already overdue: the overdue checks tell them instead. Nor of a
 * reminder whose date had passed when the task opened (registered within the reminder window):
 * the task's own notice told them. The days ahead are counted from when the reminder fell due,
 * not from when it runs, so a timer run again later (after a crash) makes the same reminder,
 * which the reminder table's unique key keeps once.
 */
@Component("reminding")
public class Reminding {

    private final Reminders reminders;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;
    private final Clock clock;

    Reminding(Reminders reminders, ResponseRound responseRound, ReportingCalendar calendar, Clock clock) {
        this.reminders = reminders;
        this.responseRound = responseRound;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Reminds an addressee that its response is due. */
    public void addressee(DelegateExecution execution) {
        long recommendationId = recommendationId(execution);
        String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
        Task task = TimedTask.of(execution, LifecycleModel.TASK_RECORD_RESPONSE, addressee).orElse(null);
        Date deadline = responseRound.deadline(recommendationId);
        Date reminderDue = responseRound.reminderDue(recommendationId);
        if (!worthSending(task, reminderDue, deadline)) {
            return;
        }
        reminders.remind(new DueReminder(recommendationId, ReminderKind.RESPONSE_DUE, addressee, addressee,
                deadline.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(reminderDue, deadline),
                "Response from " + addressee + " due", task.getId()));
    }

    /** Reminds the owner that the quarter's progress update is due. */
    public void owner(DelegateExecution execution) {
        long recommendationId = recommendationId(execution);
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        Task task = TimedTask.of(execution, LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, ownerGroup).orElse(null);
        Date due = calendar.dueAt(recommendationId, quarter);
        Date reminderDue = calendar.reminderAt(recommendationId, quarter);
        if (!worthSending(task, reminderDue, due)) {
            return;
        }
        reminders.remind(new DueReminder(recommendationId, ReminderKind.UPDATE_DUE, ownerGroup, quarter,
                due.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(reminderDue, due),
                "Progress update for " + quarter + " due", task.getId()));
    }

    /** Only for a task still waiting on the group, its reminder's date not past when it opened, and not yet overdue. */
    private boolean worthSending(Task task, Date reminderDue, Date due) {
        return task != null && !reminderDue.before(task.getCreateTime()) && due.toInstant().isAfter(clock.instant());
    }

    private static long recommendationId(DelegateExecution execution) {
        return (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
    }
}
