package org.stocktake.oversight;

/** Why a recommendation went to the board. */
public enum EscalationReason {
    /** An addressee has not answered by the response deadline. */
    RESPONSE_OVERDUE,
    /** The owner's quarterly update is past its due date. */
    UPDATE_OVERDUE,
    /** The owner rated progress RED. */
    RED_RATING
}
