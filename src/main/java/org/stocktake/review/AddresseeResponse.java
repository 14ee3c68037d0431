package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An addressee's recorded answer, with when it was due and when it came. */
public record AddresseeResponse(
        long id,
        long recommendationId,
        int responseRound,
        String addressee,
        ResponseDecision decision,
        String responseText,
        String rationale,
        LocalDate dueOn,
        String respondedBy,
        OffsetDateTime respondedAt) {
}
