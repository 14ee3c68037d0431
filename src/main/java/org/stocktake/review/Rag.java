package org.stocktake.review;

/** The owner's red / amber / green rating of progress. */
public enum Rag {
    GREEN("Green: on track"), AMBER("Amber: at risk"), RED("Red: off track");

    private final String label;

    Rag(String label) {
        this.label = label;
    }

    /** As the update form offers it. */
    public String label() {
        return label;
    }
}
