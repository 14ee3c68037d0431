package org.stocktake.oversight;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.stocktake.errors.RequiredWhen;

/** The board's action on an escalation and what the action needs. */
@RequiredWhen(field = "targetDate", when = "escalationAction", is = "EXTEND", message = "is required with EXTEND: the new target date")
@RequiredWhen(field = "ownerGroup", when = "escalationAction", is = "REASSIGN",
        message = "is required with REASSIGN: the id of the new owner organisation")
@RequiredWhen(field = "boardComment", when = "escalationAction", is = "DIRECT", message = "is required with DIRECT: it is the board's direction")
public record EscalationReview(
        @NotNull(message = "is required: EXTEND, REASSIGN, DIRECT or NOTE") EscalationAction escalationAction,
        String boardComment,
        String ownerGroup,
        LocalDate targetDate) {
}
