package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.notify.DueReminder;
import org.stocktake.notify.ReminderKind;
import org.stocktake.notify.ReminderService;

/** ServiceTask_RemindOwner: reminds the owner that the quarter's progress update is due, as {@link RemindAddressee} does. */
@Component("remindOwner")
public class RemindOwner implements JavaDelegate {

    private final ReminderService reminders;
    private final ReportingCalendar calendar;
    private final Clock clock;

    RemindOwner(ReminderService reminders, ReportingCalendar calendar, Clock clock) {
        this.reminders = reminders;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        Task task = TimedTask.of(execution, LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, ownerGroup).orElse(null);
        Date due = calendar.dueAt(recommendationId, quarter);
        Date reminderDue = calendar.reminderAt(recommendationId, quarter);
        if (TimedTask.reminderWorthSending(task, reminderDue, due, clock.instant())) {
            reminders.remind(new DueReminder(recommendationId, ReminderKind.UPDATE_DUE, ownerGroup, quarter,
                    due.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(reminderDue, due),
                    "Progress update for " + quarter + " due", task.getId()));
        }
    }
}
