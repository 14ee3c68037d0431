package org.stocktake.oversight;

/** What the board does about an escalation. */
public enum EscalationAction {
    /** Give the owner a new target date. */
    EXTEND,
    /** Hand the recommendation to another organisation. */
    REASSIGN,
    /** Direct the owner or addressee to act; the direction is the board's comment. */
    DIRECT,
    /** Take note and take no action. */
    NOTE
}
