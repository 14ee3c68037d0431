package org.stocktake.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.InvalidInputException;

/** What the owner submits for a quarter; an extension request must say until when. */
public record ProgressUpdateSubmission(
        String quarter,
        Rag rag,
        String publicUpdate,
        String restrictedNote,
        Proposal proposal,
        LocalDate proposedTargetDate,
        String evidence) {

    public ProgressUpdateSubmission {
        List<FieldProblem> problems = new ArrayList<>();
        if (rag == null) {
            problems.add(new FieldProblem("rag", "is required: GREEN, AMBER or RED"));
        }
        if (publicUpdate == null || publicUpdate.isBlank()) {
            problems.add(new FieldProblem("publicUpdate", "is required: the update that may be published"));
        }
        if (proposal == null) {
            problems.add(new FieldProblem("proposal", "is required: CONTINUE, PROPOSE_RESOLVED, PROPOSE_RESOLVED_OTHER_MEANS, PROPOSE_TRANSFER or REQUEST_EXTENSION"));
        }
        if (proposal == Proposal.REQUEST_EXTENSION && proposedTargetDate == null) {
            problems.add(new FieldProblem("proposedTargetDate", "is required with REQUEST_EXTENSION: the new target date asked for"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
