package org.stocktake.oversight;

/** The outcome of re-checking a closed recommendation (the independent stocktake). */
public enum AssuranceResult {
    CONFIRMED, REOPEN
}
