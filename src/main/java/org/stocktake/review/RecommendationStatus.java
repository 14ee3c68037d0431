package org.stocktake.review;

/**
 * Where a recommendation stands; the last four are closure statuses, set only by the board's
 * sign-off. The code is what the API and CSV carry; the label is what every page, form and
 * message says.
 */
public enum RecommendationStatus {
    AWAITING_RESPONSE("Awaiting response"),
    AWAITING_ASSIGNMENT("Awaiting assignment"),
    IN_PROGRESS("In progress"),
    CLOSURE_PROPOSED("Closure proposed"),
    RESOLVED("Resolved"),
    RESOLVED_BY_OTHER_MEANS("Resolved by other means"),
    NOT_ACCEPTED("Not accepted"),
    TRANSFERRED("Transferred");

    private final String label;

    RecommendationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still being worked on: not yet closed by the board. */
    public boolean isOpen() {
        return ordinal() <= CLOSURE_PROPOSED.ordinal();
    }
}
