package org.stocktake.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A review's publishable progress report, in the shape of the Harris Review's "one year on":
 * a headline, the counts by public status, then each recommendation by section with its status,
 * target date (beside the original when it was revised) and latest public update.
 * {@code lastChangedOn} is the day anything in it last changed, or it was last published.
 */
public record PublicSummary(String reviewCode, String reviewTitle, LocalDate receivedOn, OffsetDateTime producedAt,
                            LocalDate lastChangedOn, int total, int resolved, String headline, List<StatusCount> counts,
                            List<Section> sections) {

    public record StatusCount(String status, int count) {
    }

    public record Section(String name, List<Item> items) {
    }

    public record Item(String number, String text, String status, String owner, LocalDate targetDate, LocalDate originalTargetDate,
                       String latestUpdate, LocalDate updatedOn) {

        public boolean targetDateRevised() {
            return originalTargetDate != null && !originalTargetDate.equals(targetDate);
        }
    }
}
