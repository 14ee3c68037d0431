package org.stocktake.errors;

/** What is wrong with one field of a request or a task submission. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
