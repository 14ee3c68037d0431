package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The owner's report for one quarter. The restricted note never leaves the people entitled to it.
 * An imported update carries only its public text: the legacy register had no rating or proposal.
 */
public record ProgressUpdate(
        long id,
        long recommendationId,
        String quarter,
        Rag rag,
        String publicUpdate,
        String restrictedNote,
        Proposal proposal,
        LocalDate proposedTargetDate,
        String evidence,
        String submittedBy,
        OffsetDateTime submittedAt,
        boolean imported) {

    /** The update as shown to someone who may not read its restricted note. */
    public ProgressUpdate withoutRestrictedNote() {
        return new ProgressUpdate(id, recommendationId, quarter, rag, publicUpdate, null, proposal, proposedTargetDate, evidence,
                submittedBy, submittedAt, imported);
    }
}
