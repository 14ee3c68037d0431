package org.stocktake.review;

import java.util.Map;

/** How many of a review's recommendations stand at each status. */
public record StatusSummary(String review, long total, Map<RecommendationStatus, Long> byStatus) {
}
