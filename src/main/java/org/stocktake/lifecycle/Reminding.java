package org.stocktake.lifecycle;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stocktake.notify.ReminderKind;
import org.stocktake.notify.Reminders;

/** The model's reminder steps: {@code ${reminding.addressee(execution)}} and {@code ${reminding.owner(execution)}}. */
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
        reminders.remind(recommendationId, ReminderKind.RESPONSE_DUE, addressee, addressee,
                utc(responseRound.deadline(recommendationId)));
    }

    /** Reminds the owner that the quarter's progress update is due. */
    public void owner(DelegateExecution execution) {
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        reminders.remind(recommendationId(execution), ReminderKind.UPDATE_DUE, ownerGroup, quarter, utc(calendar.dueAt(quarter)));
    }

    private static long recommendationId(DelegateExecution execution) {
        return (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
    }

    private static OffsetDateTime utc(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
