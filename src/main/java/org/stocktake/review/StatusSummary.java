package org.stocktake.review;

import java.util.Map;

/**
 * How many of a review's recommendations stand at each status, and how many addressees' responses
 * came by their deadline (the London day they were recorded on, at the latest the day due).
 */
public record StatusSummary(String review, long total, Map<RecommendationStatus, Long> byStatus, Responses responses) {

    public record Responses(long onTime, long late) {
    }
}
