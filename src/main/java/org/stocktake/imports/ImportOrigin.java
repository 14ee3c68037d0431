package org.stocktake.imports;

import java.time.OffsetDateTime;
import org.stocktake.review.RecommendationStatus;

/** Which import brought a recommendation into Stocktake, and the stage the file placed it at. */
public record ImportOrigin(long importId, String fileName, RecommendationStatus importedStatus, String importedBy,
                           OffsetDateTime importedAt) {
}
