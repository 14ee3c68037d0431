package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recommendation as the register lists it: where it stands, who has it, its target date as first
 * set and as it stands ({@code dateAtRisk} while its owner says it will be missed and the board has
 * not decided), and its latest public update with its rating. No restricted note is in it, so the register and its CSV cannot show one.
 */
public record RegisterEntry(long id, String reviewCode, String reference, String text, RecommendationStatus status,
                            List<String> addressees, String ownerGroup, LocalDate targetDate, LocalDate originalTargetDate,
                            boolean dateAtRisk, Rag latestRag, String latestPublicUpdate, OffsetDateTime updatedAt) {

    public String businessKey() {
        return Recommendation.businessKey(reviewCode, reference);
    }
}
