package org.stocktake.oversight;

import java.time.LocalDate;

import org.stocktake.errors.InvalidInputException;

/** The board's action on an escalation and what the action needs. */
public record EscalationReview(EscalationAction action, String boardComment, String ownerGroup, LocalDate targetDate) {

    public EscalationReview {
        if (action == null) {
            throw new InvalidInputException("escalationAction", "is required: EXTEND, REASSIGN, DIRECT or NOTE");
        }
        if (action == EscalationAction.EXTEND && targetDate == null) {
            throw new InvalidInputException("targetDate", "is required with EXTEND: the new target date");
        }
        if (action == EscalationAction.REASSIGN && (ownerGroup == null || ownerGroup.isBlank())) {
            throw new InvalidInputException("ownerGroup", "is required with REASSIGN: the id of the new owner organisation");
        }
        if (action == EscalationAction.DIRECT && (boardComment == null || boardComment.isBlank())) {
            throw new InvalidInputException("boardComment", "is required with DIRECT: it is the board's direction");
        }
    }
}
