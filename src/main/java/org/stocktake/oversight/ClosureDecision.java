package org.stocktake.oversight;

/** The board's answer to a proposed closure. */
public enum ClosureDecision {
    APPROVE, RETURN
}
