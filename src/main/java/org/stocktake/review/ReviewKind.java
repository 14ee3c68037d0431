package org.stocktake.review;

/** What kind of document a review is; it decides how long addressees have to respond. */
public enum ReviewKind {
    REVIEW, INQUIRY, INSPECTION, LEARNING_REVIEW, PFD_REPORT
}
