package org.stocktake.review;

/** An addressee's answer to a recommendation. */
public enum ResponseDecision {
    ACCEPTED, PARTIALLY_ACCEPTED, NOT_ACCEPTED
}
