package org.stocktake.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.stocktake.errors.RequiredWhen;

/** What the owner submits for a quarter; an extension request must say until when. */
@RequiredWhen(field = "proposedTargetDate", when = "proposal", is = "REQUEST_EXTENSION",
        message = "is required with REQUEST_EXTENSION: the new target date asked for")
public record ProgressUpdateSubmission(
        String quarter,
        @NotNull(message = "is required: GREEN, AMBER or RED") Rag rag,
        @NotBlank(message = "is required: the update that may be published") String publicUpdate,
        String restrictedNote,
        @NotNull(message = "is required: CONTINUE, PROPOSE_RESOLVED, PROPOSE_RESOLVED_OTHER_MEANS, PROPOSE_TRANSFER or REQUEST_EXTENSION")
        Proposal proposal,
        LocalDate proposedTargetDate,
        String evidence) {
}
