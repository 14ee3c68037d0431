package org.stocktake.review;

/** The owner's red / amber / green rating of progress. */
public enum Rag {
    GREEN, AMBER, RED
}
