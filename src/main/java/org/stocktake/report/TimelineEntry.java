package org.stocktake.report;

import java.time.OffsetDateTime;
import java.util.Map;

/** One thing that happened to a recommendation: who did what, when, with its particulars. */
public record TimelineEntry(OffsetDateTime at, String type, String by, String summary, Map<String, Object> details) {
}
