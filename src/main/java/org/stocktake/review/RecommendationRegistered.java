package org.stocktake.review;

/**
 * Published inside the transaction that registers a recommendation; the lifecycle starts its
 * process from it, so both happen or neither does.
 */
public record RecommendationRegistered(long recommendationId, String businessKey) {
}
