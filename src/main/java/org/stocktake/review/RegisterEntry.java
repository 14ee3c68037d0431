package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A recommendation as the register lists it: where it stands, who has it, its target date as first
 * set and as it stands ({@code dateAtRisk} while its owner says it will be missed and the board has
 * not decided), and its latest update's rating and when it was written (null when imported). Its
 * text and latest public update are a {@link RegisterText}, read only for the rows a register
 * shows. No restricted note is in either, so the register and its CSV cannot show one.
 */
public record RegisterEntry(long id, String reviewCode, String reference, RecommendationStatus status,
                            String ownerGroup, LocalDate targetDate, LocalDate originalTargetDate,
                            boolean dateAtRisk, Rag latestRag, OffsetDateTime updatedAt) {

    public String businessKey() {
        return Recommendation.businessKey(reviewCode, reference);
    }
}
