package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stocktake.notify.ReminderKind;

/** ServiceTask_RemindAddressee: reminds an addressee that its response is due ({@link TaskReminder}). */
@Component("remindAddressee")
public class RemindAddressee implements JavaDelegate {

    private final TaskReminder reminder;
    private final ResponseRound responseRound;

    RemindAddressee(TaskReminder reminder, ResponseRound responseRound) {
        this.reminder = reminder;
        this.responseRound = responseRound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
        reminder.send(execution, new TaskReminder.Due(recommendationId, ReminderKind.RESPONSE_DUE, LifecycleModel.TASK_RECORD_RESPONSE,
                addressee, addressee, "Response from " + addressee + " due", responseRound.reminderDue(recommendationId),
                responseRound.deadline(recommendationId)));
    }
}
