package org.stocktake.lifecycle;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.WorkingDays;
import org.stocktake.security.Roles;

/**
 * The response stage's collection and clock, for the model's expressions: who is asked
 * ({@code ${responseRound.addressees(recommendationId)}}), by when, and when they are reminded.
 */
@Component("responseRound")
public class ResponseRound {

    private final RecommendationService recommendations;
    private final ReportingCalendar calendar;
    private final WorkingDays workingDays;
    private final ResponseSettings settings;

    ResponseRound(RecommendationService recommendations, ReportingCalendar calendar, WorkingDays workingDays, ResponseSettings settings) {
        this.recommendations = recommendations;
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.settings = settings;
    }

    /** The addressees asked to respond; with none, the secretariat records the response. */
    public List<String> addressees(long recommendationId) {
        List<String> addressees = recommendations.get(recommendationId).addressees();
        return addressees.isEmpty() ? List.of(Roles.SECRETARIAT) : addressees;
    }

    /** The end of the working day the response is due (the review's deadline is already a working day). */
    public Date deadline(long recommendationId) {
        Recommendation recommendation = recommendations.get(recommendationId);
        return calendar.endOf(recommendation.responseDueOn());
    }

    /**
     * The first and the last reminder, each on the working day on or before its date, as a timer
     * cycle: the first, then one repetition at the last, {@code R1/<first>/PT<seconds to the last>S}.
     * Two reminders that fall on the same day come a second apart, and the second is dropped as
     * the same reminder. Reminders already past when the task opens are skipped.
     */
    public String reminderCycle(long recommendationId) {
        Date first = reminderAt(recommendationId, settings.firstReminderBeforeDeadline().toDays());
        Date last = reminderAt(recommendationId, settings.lastReminderBeforeDeadline().toDays());
        long gap = Math.max(1, Duration.between(first.toInstant(), last.toInstant()).toSeconds());
        return calendar.cycle(first, "PT" + gap + "S", 2);
    }

    /**
     * When the reminder being sent now fell due: the last before the deadline once its time has
     * come, else the first. A reminder run late (after a crash, by another node) counts its days
     * from then, so it is recognised as the one already sent.
     */
    public Date reminderDue(long recommendationId) {
        Date last = reminderAt(recommendationId, settings.lastReminderBeforeDeadline().toDays());
        return last.after(ClockUtil.getCurrentTime()) ? reminderAt(recommendationId, settings.firstReminderBeforeDeadline().toDays()) : last;
    }

    /** The response's overdue checks: at the deadline, then every {@code overdue-check-every}, as a timer cycle. */
    public String overdueCycle(long recommendationId) {
        return calendar.overdueCycleFrom(deadline(recommendationId));
    }

    private Date reminderAt(long recommendationId, long daysBefore) {
        return calendar.startOf(workingDays.onOrBefore(recommendations.get(recommendationId).responseDueOn().minusDays(daysBefore)));
    }
}
