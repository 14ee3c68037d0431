package org.stocktake.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.stocktake.review.RecommendationStatus;

/**
 * Where things stand, for the person asking and within what they may see: each review's
 * recommendations by status, open ones by owner and by age, how many responses came on time, and
 * how long the lifecycle's steps take (those finished since {@code stepTimesSince}).
 */
public record Dashboard(OffsetDateTime producedAt, String scope, int total, int open, List<ReviewStatuses> reviews,
                        List<Count> openByOwner, List<Count> openByAge, List<ResponseRate> responseRates, List<StepTime> stepTimes,
                        LocalDate stepTimesSince) {

    /** A review's recommendations counted by status, in the statuses' order. */
    public record ReviewStatuses(String code, String title, int total, Map<RecommendationStatus, Integer> byStatus) {
    }

    /** A number of recommendations, and the register's view that lists them when there is one. */
    public record Count(String label, int count, String register) {
    }

    public record ResponseRate(String code, String title, int onTime, int late, int percentOnTime) {
    }

    /** A step's count and its median and mean in days; no figures when none has been taken. */
    public record StepTime(String step, int count, Double medianDays, Double meanDays) {
    }
}
