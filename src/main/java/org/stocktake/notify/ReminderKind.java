package org.stocktake.notify;

/** What a reminder is about. */
public enum ReminderKind {
    /** An addressee's response is due soon. */
    RESPONSE_DUE,
    /** The owner's quarterly progress update is due soon. */
    UPDATE_DUE
}
