package org.stocktake.oversight;

import java.util.Locale;

/** Which step a decision was taken at, with the words pages use for it. */
public enum DecisionKind {
    OWNER_ASSIGNMENT("Owner assigned"),
    ESCALATION_REVIEW("Escalation reviewed"),
    EXTENSION("Extension decided"),
    CLOSURE_SIGN_OFF("Closure signed off"),
    ASSURANCE_CHECK("Closure checked again"),
    DUE_DATE_CHANGE("Due date moved");

    private final String label;

    DecisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A decision's outcome code (APPROVE, IN_PROGRESS, REOPEN...) as words: "Approve", "In progress", "Reopen". */
    public static String outcomeInWords(String outcome) {
        String words = outcome.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
