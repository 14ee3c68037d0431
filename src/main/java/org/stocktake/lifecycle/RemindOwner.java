package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stocktake.notify.ReminderKind;

/** ServiceTask_RemindOwner: reminds the owner that the quarter's progress update is due ({@link TaskReminder}). */
@Component("remindOwner")
public class RemindOwner implements JavaDelegate {

    private final TaskReminder reminder;
    private final ReportingCalendar calendar;

    RemindOwner(TaskReminder reminder, ReportingCalendar calendar) {
        this.reminder = reminder;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        reminder.send(execution, new TaskReminder.Due(recommendationId, ReminderKind.UPDATE_DUE, LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE,
                ownerGroup, quarter, "Progress update for " + quarter + " due", calendar.reminderAt(recommendationId, quarter),
                calendar.dueAt(recommendationId, quarter)));
    }
}
