package org.stocktake.review;

/** The lifecycle's timed steps, each recorded with when it began and finished as it finishes. */
public enum LifecycleStep {
    /** An addressee's answer, from its round's opening (the registration, or the sign-off that sent it back). */
    RESPONSE,
    /** An owner's assignment, from the last response at or before it, or from the registration. */
    ASSIGNMENT,
    /** The registration to the board's latest sign-off of a proposed closure: one per recommendation. */
    SIGN_OFF
}
