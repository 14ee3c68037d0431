package org.stocktake.review;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;

/**
 * A recommendation's target date as first set and as it stands, every revision between them, and
 * since when its owner has said the date will be missed while the board has not yet decided.
 */
public record TargetDates(LocalDate original, LocalDate current, OffsetDateTime atRiskSince, List<TargetDateRevision> revisions) {

    public boolean revised() {
        return !revisions.isEmpty();
    }

    /** Who asked for a target date, when and why: the owner's extension request, or the board itself. */
    public record Request(String by, OffsetDateTime at, String reason) {
    }
}
