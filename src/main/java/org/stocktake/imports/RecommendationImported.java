package org.stocktake.imports;

import org.stocktake.review.RecommendationStatus;

/**
 * Published inside an import's transaction for each recommendation it creates, with the stage the
 * file places it at; the lifecycle starts its process there, so both happen or neither does.
 */
public record RecommendationImported(long recommendationId, String businessKey, RecommendationStatus status, String ownerGroup) {
}
