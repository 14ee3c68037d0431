package org.stocktake.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.InvalidInputException;

/** The secretariat's assignment: an owner organisation, optionally a person in it, and a target date. */
public record OwnerAssignment(String ownerGroup, String ownerUser, LocalDate targetDate) {

    public OwnerAssignment {
        List<FieldProblem> problems = new ArrayList<>();
        if (ownerGroup == null || ownerGroup.isBlank()) {
            problems.add(new FieldProblem("ownerGroup", "is required: the id of the owner organisation, e.g. lfb"));
        }
        if (targetDate == null) {
            problems.add(new FieldProblem("targetDate", "is required: the date by which the recommendation should be implemented"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ownerUser = ownerUser == null || ownerUser.isBlank() ? null : ownerUser;
    }
}
