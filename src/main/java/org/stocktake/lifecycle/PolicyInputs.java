package org.stocktake.lifecycle;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.oversight.EscalationService;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;

/**
 * What the model's business rule tasks put to the policies, as their input parameters say
 * ({@code ${policyInputs.daysOverdue(execution, 'UPDATE_OVERDUE')}}): facts from the register,
 * never decisions. The tables decide.
 */
@Component("policyInputs")
public class PolicyInputs {

    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final EscalationService escalations;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;
    private final Clock clock;

    PolicyInputs(RecommendationService recommendations, ReviewService reviews, EscalationService escalations, ResponseRound responseRound,
                 ReportingCalendar calendar, Clock clock) {
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.escalations = escalations;
        this.responseRound = responseRound;
        this.calendar = calendar;
        this.clock = clock;
    }

    public String reviewKind(long recommendationId) {
        return reviews.get(recommendations.get(recommendationId).reviewCode()).kind().name();
    }

    /** Calendar days in the clock's zone: due on 1 March, it is 4 days overdue on 5 March, whatever the hour. A red rating is 0. */
    public long daysOverdue(DelegateExecution execution, String reason) {
        Date due = Slip.of(execution, EscalationReason.valueOf(reason), responseRound, calendar).due();
        return due == null ? 0 : calendar.daysBetween(due, Date.from(clock.instant()));
    }

    /** How many times the recommendation has gone to the board before. */
    public long timesEscalated(long recommendationId) {
        return escalations.count(recommendationId);
    }

    /** A quarter of ordinary closures is sampled for an assurance check: those whose id leaves this 0. */
    public long sample(long recommendationId) {
        return recommendationId % 4;
    }
}
