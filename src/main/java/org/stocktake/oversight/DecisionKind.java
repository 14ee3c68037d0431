package org.stocktake.oversight;

/** Which step a decision was taken at. */
public enum DecisionKind {
    OWNER_ASSIGNMENT, ESCALATION_REVIEW, EXTENSION, CLOSURE_SIGN_OFF, ASSURANCE_CHECK, DUE_DATE_CHANGE
}
