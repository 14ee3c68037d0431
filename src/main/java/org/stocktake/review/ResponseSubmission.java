package org.stocktake.review;

import org.stocktake.errors.InvalidInputException;

/** What an addressee submits: a decision, its text, and the reasons unless it simply accepts. */
public record ResponseSubmission(ResponseDecision decision, String responseText, String rationale) {

    public ResponseSubmission {
        if (decision == null) {
            throw new InvalidInputException("decision", "is required: ACCEPTED, PARTIALLY_ACCEPTED or NOT_ACCEPTED");
        }
        if (decision != ResponseDecision.ACCEPTED && (rationale == null || rationale.isBlank())) {
            throw new InvalidInputException("rationale", "is required when the recommendation is " + decision + ": give the reasons");
        }
    }
}
