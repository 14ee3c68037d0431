package org.stocktake.oversight;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The secretariat's assignment: an owner organisation, optionally a person in it, and a target date. */
public record OwnerAssignment(
        @NotBlank(message = "is required: the id of the owner organisation, e.g. lfb") String ownerGroup,
        String ownerUser,
        @NotNull(message = "is required: the date by which the recommendation should be implemented") LocalDate targetDate) {

    public OwnerAssignment {
        ownerUser = ownerUser == null || ownerUser.isBlank() ? null : ownerUser;
    }
}
