package org.stocktake.review;

import jakarta.validation.constraints.NotNull;
import org.stocktake.errors.RequiredWhen;

/** What an addressee submits: a decision, its text, and the reasons unless it simply accepts. */
@RequiredWhen(field = "rationale", when = "decision", is = {"PARTIALLY_ACCEPTED", "NOT_ACCEPTED"},
        message = "is required unless the recommendation is accepted: give the reasons")
public record ResponseSubmission(
        @NotNull(message = "is required: ACCEPTED, PARTIALLY_ACCEPTED or NOT_ACCEPTED") ResponseDecision decision,
        String responseText,
        String rationale) {
}
