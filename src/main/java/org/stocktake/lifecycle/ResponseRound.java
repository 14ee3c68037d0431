package org.stocktake.lifecycle;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.security.Roles;

/**
 * The response stage's collection and clock, for the model's expressions: who is asked
 * ({@code ${responseRound.addressees(recommendationId)}}) and by when.
 */
@Component("responseRound")
public class ResponseRound {

    private final RecommendationService recommendations;
    private final ReportingCalendar calendar;
    private final ResponseSettings settings;

    ResponseRound(RecommendationService recommendations, ReportingCalendar calendar, ResponseSettings settings) {
        this.recommendations = recommendations;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The addressees asked to respond; with none, the secretariat records the response. */
    public List<String> addressees(long recommendationId) {
        List<String> addressees = recommendations.get(recommendationId).addressees();
        return addressees.isEmpty() ? List.of(Roles.SECRETARIAT) : addressees;
    }

    public Date deadline(long recommendationId) {
        Recommendation recommendation = recommendations.get(recommendationId);
        return calendar.endOf(recommendation.responseDueOn());
    }

    public Date reminderAt(long recommendationId) {
        return Date.from(deadline(recommendationId).toInstant().minus(settings.reminderBeforeDeadline()));
    }
}
