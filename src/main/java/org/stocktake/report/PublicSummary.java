package org.stocktake.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A review's publishable progress report, in the shape of the Harris Review's "one year on":
 * a headline, the counts by public status, then each recommendation by section with its status
 * and latest public update.
 */
public record PublicSummary(String reviewCode, String reviewTitle, LocalDate receivedOn, OffsetDateTime producedAt, int total,
                            int resolved, String headline, List<StatusCount> counts, List<Section> sections) {

    public record StatusCount(String status, int count) {
    }

    public record Section(String name, List<Item> items) {
    }

    public record Item(String number, String text, String status, String owner, String latestUpdate, LocalDate updatedOn) {
    }
}
