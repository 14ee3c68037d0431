package org.stocktake.review;

import java.time.OffsetDateTime;

/** Which import brought a recommendation into Stocktake, and the stage the file placed it at. */
public record ImportOrigin(long importId, String fileName, RecommendationStatus importedStatus, String importedBy,
                           OffsetDateTime importedAt) {
}
