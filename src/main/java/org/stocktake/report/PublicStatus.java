package org.stocktake.report;

import org.stocktake.review.RecommendationStatus;

/** How a status reads in what is published: the progress report's own words. */
enum PublicStatus {
    RESOLVED("Resolved"),
    RESOLVED_BY_OTHER_MEANS("Resolved by other means"),
    IN_PROGRESS("In progress"),
    AWAITING_RESPONSE("Awaiting response"),
    NOT_ACCEPTED("Not accepted"),
    TRANSFERRED("Transferred");

    final String label;

    PublicStatus(String label) {
        this.label = label;
    }

    /** Accepted, being worked on or waiting for the board's sign-off all read "In progress". */
    static PublicStatus of(RecommendationStatus status) {
        return switch (status) {
            case AWAITING_RESPONSE -> AWAITING_RESPONSE;
            case AWAITING_ASSIGNMENT, IN_PROGRESS, CLOSURE_PROPOSED -> IN_PROGRESS;
            case RESOLVED -> RESOLVED;
            case RESOLVED_BY_OTHER_MEANS -> RESOLVED_BY_OTHER_MEANS;
            case NOT_ACCEPTED -> NOT_ACCEPTED;
            case TRANSFERRED -> TRANSFERRED;
        };
    }

    boolean isResolved() {
        return this == RESOLVED || this == RESOLVED_BY_OTHER_MEANS;
    }
}
