package org.stocktake.lifecycle;

import java.time.OffsetDateTime;

/**
 * An open task as a list of them needs it: the business key of its recommendation, its name, when
 * it was created and when it is due (without its candidate groups, which are a query per task).
 */
public record RecommendationTask(String businessKey, String name, OffsetDateTime created, OffsetDateTime due) {
}
