package org.stocktake.notify;

/** Why somebody is told something. */
public enum NoticeKind {
    /** A task waits for the recipient's group. */
    TASK_OPENED,
    /** A task was assigned to the recipient. */
    TASK_ASSIGNED,
    /** A response or an update is due soon. */
    REMINDER,
    /** A response or an update is overdue. */
    OVERDUE,
    /** The secretariat or the board decided something about the recipient's recommendation. */
    DECISION,
    /**
     * A link to a response or update form, for an organisation without accounts. Its body holds the
     * link's secret, so the outbox blanks the body once the mail is sent.
     */
    RESPONSE_LINK
}
