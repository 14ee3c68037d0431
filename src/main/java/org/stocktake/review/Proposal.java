package org.stocktake.review;

/** What the owner proposes with a progress update, in the update form's words. */
public enum Proposal {
    CONTINUE(null, "Continue: report again next quarter"),
    PROPOSE_RESOLVED(RecommendationStatus.RESOLVED, "Propose closure: resolved"),
    PROPOSE_RESOLVED_OTHER_MEANS(RecommendationStatus.RESOLVED_BY_OTHER_MEANS, "Propose closure: resolved by other means"),
    PROPOSE_TRANSFER(RecommendationStatus.TRANSFERRED, "Propose closure: transferred to another body"),
    REQUEST_EXTENSION(null, "Request a later target date");

    private final RecommendationStatus closureStatus;
    private final String label;

    Proposal(RecommendationStatus closureStatus, String label) {
        this.closureStatus = closureStatus;
        this.label = label;
    }

    /** The status the recommendation closes with if the board approves; null for no closure. */
    public RecommendationStatus closureStatus() {
        return closureStatus;
    }

    public boolean proposesClosure() {
        return closureStatus != null;
    }

    public String label() {
        return label;
    }
}
