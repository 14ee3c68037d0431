package org.stocktake.oversight;

/** The outcome recorded when the secretariat moves an open task's due date. */
public enum DueDateMove {
    MOVED
}
