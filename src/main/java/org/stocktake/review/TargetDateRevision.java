package org.stocktake.review;

import java.time.OffsetDateTime;
import java.time.LocalDate;

/**
 * A target date moved after it was first set: from what to what, who asked for it and why, and
 * who agreed it, each with when.
 */
public record TargetDateRevision(LocalDate previousDate, LocalDate revisedDate, String reason, String askedBy,
                                 OffsetDateTime askedAt, String agreedBy, OffsetDateTime agreedAt) {
}
