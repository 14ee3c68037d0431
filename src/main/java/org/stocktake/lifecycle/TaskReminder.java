package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.notify.DueReminder;
import org.stocktake.notify.ReminderKind;
import org.stocktake.notify.ReminderService;

/**
 * The reminder a timer fell due for on a waiting task, sent if it is still worth sending. Nobody
 * is reminded of something already overdue (the overdue checks tell them instead), nor by a
 * reminder whose date had passed when the task opened (registered within the reminder window):
 * the task's own notice told them. The days ahead are counted from when the reminder fell due,
 * not from when it runs, so a timer run again later (after a crash) makes the same reminder,
 * which the reminder table's unique key keeps once.
 */
@Component
class TaskReminder {

    /** What is due, from whom, and when the reminder for it fell due. */
    record Due(long recommendationId, ReminderKind kind, String taskKey, String group, String subject, String headline,
               Date reminderDue, Date due) {
    }

    private final ReminderService reminders;
    private final ReportingCalendar calendar;
    private final Clock clock;

    TaskReminder(ReminderService reminders, ReportingCalendar calendar, Clock clock) {
        this.reminders = reminders;
        this.calendar = calendar;
        this.clock = clock;
    }

    void send(DelegateExecution execution, Due due) {
        Task task = TimedTask.of(execution, due.taskKey(), due.group()).orElse(null);
        if (task == null || due.reminderDue().before(task.getCreateTime()) || !due.due().toInstant().isAfter(clock.instant())) {
            return;
        }
        reminders.remind(new DueReminder(due.recommendationId(), due.kind(), due.group(), due.subject(),
                due.due().toInstant().atOffset(ZoneOffset.UTC), calendar.daysBetween(due.reminderDue(), due.due()), due.headline(),
                task.getId()));
    }
}
