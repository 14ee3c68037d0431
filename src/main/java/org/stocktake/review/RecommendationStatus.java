package org.stocktake.review;

/** Where a recommendation stands; the last four are closure statuses, set only by the board's sign-off. */
public enum RecommendationStatus {
    AWAITING_RESPONSE,
    AWAITING_ASSIGNMENT,
    IN_PROGRESS,
    CLOSURE_PROPOSED,
    RESOLVED,
    RESOLVED_BY_OTHER_MEANS,
    NOT_ACCEPTED,
    TRANSFERRED
}
