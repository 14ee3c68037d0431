package org.stocktake.oversight;

import java.time.OffsetDateTime;

/**
 * One referral to the board. The subject names what slipped: the addressee whose response is
 * overdue, or the quarter whose update is overdue or rated red.
 */
public record Escalation(long id, long recommendationId, EscalationReason reason, String subject, String severity,
                         OffsetDateTime raisedAt, OffsetDateTime reviewedAt) {

    public String summary() {
        String what = switch (reason) {
            case RESPONSE_OVERDUE -> "The response from " + subject + " is overdue";
            case UPDATE_OVERDUE -> "The progress update for " + subject + " is overdue";
            case RED_RATING -> "The progress update for " + subject + " is rated RED";
        };
        return severity == null ? what : what + " (severity " + severity + ")";
    }
}
