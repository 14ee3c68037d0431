package org.stocktake.review;

/** An addressee's answer to a recommendation, with the words pages and forms use for it. */
public enum ResponseDecision {
    ACCEPTED("Accepted"), PARTIALLY_ACCEPTED("Partially accepted"), NOT_ACCEPTED("Not accepted");

    private final String label;

    ResponseDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
