package org.stocktake.report;

import java.util.List;

import org.stocktake.lifecycle.OpenTask;
import org.stocktake.review.RecommendationStatus;

/** A recommendation's history in time order, and the tasks now waiting on somebody. */
public record Timeline(long recommendationId, String businessKey, String text, RecommendationStatus status,
                       List<TimelineEntry> entries, List<OpenTask> openTasks) {
}
