package org.stocktake.review;

import java.time.OffsetDateTime;

/** A review published or unpublished: by whom and when. */
public record Publication(String reviewCode, boolean published, String changedBy, OffsetDateTime changedAt) {
}
