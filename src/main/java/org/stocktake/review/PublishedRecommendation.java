package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What may be published of a recommendation: its number, section, text, status, owner
 * organisation, target date as it stands and as first set, and latest public update. Restricted notes and people's names are not in it, so
 * nothing built from it can show them.
 */
public record PublishedRecommendation(String reference, String section, String text, RecommendationStatus status,
                                      String ownerGroup, LocalDate targetDate, LocalDate originalTargetDate, String publicUpdate,
                                      OffsetDateTime updatedAt) {
}
