package org.stocktake.errors;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

/** Input that breaks a rule, with each problem named by its field: answered with 400. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Each violation of a bean's constraints as a problem with the field its path names, in the fields' order. */
    public static InvalidInputException of(Set<? extends ConstraintViolation<?>> violations) {
        return new InvalidInputException(violations.stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList());
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
