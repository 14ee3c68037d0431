package org.stocktake.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Where things stand, for the person asking and within what they may see: each review's
 * recommendations by status, open ones by owner and by age, how many responses came on time, and
 * how long the lifecycle's steps take.
 */
public record Dashboard(OffsetDateTime producedAt, String scope, int total, int open, List<ReviewStatuses> reviews,
                        List<Count> openByOwner, List<Count> openByAge, List<ResponseRate> responseRates, List<StepTime> stepTimes) {

    /** A review's recommendations counted by status label, in the statuses' order. */
    public record ReviewStatuses(String code, String title, int total, Map<String, Integer> byStatus) {
    }

    public record Count(String label, int count) {
    }

    public record ResponseRate(String code, String title, int onTime, int late, int percentOnTime) {
    }

    /** A step's count and its median and mean in days; no figures when none has been taken. */
    public record StepTime(String step, int count, Double medianDays, Double meanDays) {
    }
}
