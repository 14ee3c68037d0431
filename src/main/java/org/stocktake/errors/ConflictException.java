package org.stocktake.errors;

/** The request clashes with what is already recorded: answered with 409. */
public class ConflictException extends RuntimeException {

    /** Two people submitted one task at once, on the engine's REST API or through a listener; the second is told. */
    public static final String TASK_CHANGED_CONCURRENTLY = "Someone else completed or changed this task at the same moment;"
            + " nothing of this submission was saved. Reload the task list.";

    public ConflictException(String message) {
        super(message);
    }
}
