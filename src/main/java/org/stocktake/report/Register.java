package org.stocktake.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.stocktake.review.RegisterEntry;
import org.stocktake.review.RegisterText;

/**
 * One page of the register: the rows of the view asked for, how many there are in all, and the
 * choices its filters offer (the reviews and organisations among what the person may see).
 */
record Register(RegisterQuery query, String scope, List<Row> rows, int total, int page, int pages, List<String> reviews,
                Map<String, String> organisations) {

    /**
     * A recommendation in the register, with its owner's name and its soonest open task's due date;
     * off track when open and past its target date or its owner has said the date will be missed.
     * Its text is read once the view is chosen, for the rows shown only: null until then.
     */
    record Row(RegisterEntry entry, String ownerName, OffsetDateTime due, boolean overdue, boolean pastTarget, RegisterText text) {

        Row withText(RegisterText read) {
            return new Row(entry, ownerName, due, overdue, pastTarget, read);
        }

        public boolean offTrack() {
            return pastTarget || entry.status().isOpen() && entry.dateAtRisk();
        }

        /** Why it is off track, in words, or null. */
        public String offTrackBecause() {
            return pastTarget ? "Off track: past its target date"
                    : offTrack() ? "Off track: its owner expects to miss the target date" : null;
        }

        /** The recommendation's own page, by the address people say: its review's code and its number. */
        public String address() {
            return RecommendationPages.address(entry.reviewCode(), entry.reference());
        }
    }

    /** The number of the first row on this page, counting from 1. */
    public int first() {
        return total == 0 ? 0 : (page - 1) * RegisterQuery.PAGE_SIZE + 1;
    }

    public int last() {
        return first() == 0 ? 0 : first() + rows.size() - 1;
    }
}
