package org.stocktake.oversight;

/** The board's answer to an owner's request for a later target date. */
public enum ExtensionDecision {
    APPROVE, REJECT
}
