package org.stocktake.lifecycle;

/** An open task and the business key of the recommendation it belongs to. */
public record RecommendationTask(String businessKey, OpenTask task) {
}
