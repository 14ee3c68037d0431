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

/**
 * ServiceTask_RemindAddressee: reminds an addressee that its response is due. The days ahead are
 * counted from when the reminder fell due, not from when it runs, so a timer run again later
 * (after a crash) makes the same reminder, which the reminder table's unique key keeps once.
 */
@Component("remindAddressee")
public class RemindAddressee implements JavaDelegate {

    private final ReminderService reminders;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;
    private final Clock clock;

    RemindAddressee(ReminderService reminders, ResponseRound responseRound, ReportingCalendar calendar, Clock clock) {
        this.reminders = reminders;
        this.responseRound = responseRound;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
        Task task = TimedTask.of(execution, LifecycleModel.TASK_RECORD_RESPONSE, addressee).orElse(null);
        Date deadline = responseRound.deadline(recommendationId);
        Date reminderDue = responseRound.reminderDue(recommendationId);
        if (TimedTask.reminderWorthSending(task, reminderDue, deadline, clock.instant())) {
            reminders.remind(new DueReminder(recommendationId, ReminderKind.RESPONSE_DUE, addressee, addressee,
                    deadline.toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(reminderDue, deadline),
                    "Response from " + addressee + " due", task.getId()));
        }
    }
}
