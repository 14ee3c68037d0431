package org.stocktake.lifecycle;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
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
    private final Clock clock;

    ResponseRound(RecommendationService recommendations, ReportingCalendar calendar, WorkingDays workingDays, ResponseSettings settings,
                  Clock clock) {
        this.recommendations = recommendations;
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.settings = settings;
        this.clock = clock;
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

    /** The first and the last reminder, each on the working day on or before its date; those already past are skipped. */
    public String reminderCycle(long recommendationId) {
        return calendar.reminderCycle(reminderAt(recommendationId, settings.firstReminderBeforeDeadline().toDays()),
                reminderAt(recommendationId, settings.lastReminderBeforeDeadline().toDays()));
    }

    /**
     * When the reminder being sent now fell due: the last before the deadline once its time has
     * come, else the first. A reminder run late (after a crash, by another node) counts its days
     * from then, so it is recognised as the one already sent.
     */
    public Date reminderDue(long recommendationId) {
        Date last = reminderAt(recommendationId, settings.lastReminderBeforeDeadline().toDays());
        return last.toInstant().isAfter(clock.instant()) ? reminderAt(recommendationId, settings.firstReminderBeforeDeadline().toDays()) : last;
    }

    /** The response's overdue checks: at the deadline, then every {@code overdue-check-every}, as a timer cycle. */
    public String overdueCycle(long recommendationId) {
        return calendar.overdueChecksFrom(deadline(recommendationId));
    }

    private Date reminderAt(long recommendationId, long daysBefore) {
        Recommendation recommendation = recommendations.get(recommendationId);
        return calendar.startOf(workingDays.onOrBefore(recommendation.bankHolidays(), recommendation.responseDueOn().minusDays(daysBefore)));
    }
}
