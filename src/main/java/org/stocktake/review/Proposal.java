package org.stocktake.review;

/** What the owner proposes with a progress update. */
public enum Proposal {
    CONTINUE(null),
    PROPOSE_RESOLVED(RecommendationStatus.RESOLVED),
    PROPOSE_RESOLVED_OTHER_MEANS(RecommendationStatus.RESOLVED_BY_OTHER_MEANS),
    PROPOSE_TRANSFER(RecommendationStatus.TRANSFERRED),
    REQUEST_EXTENSION(null);

    private final RecommendationStatus closureStatus;

    Proposal(RecommendationStatus closureStatus) {
        this.closureStatus = closureStatus;
    }

    /** The status the recommendation closes with if the board approves; null for no closure. */
    public RecommendationStatus closureStatus() {
        return closureStatus;
    }

    public boolean proposesClosure() {
        return closureStatus != null;
    }
}
