package org.stocktake.web;

/** What is wrong with one field of a request or a task submission. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
