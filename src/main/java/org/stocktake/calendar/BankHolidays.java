package org.stocktake.calendar;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whose bank holidays a review's deadlines keep: a UK nation's, as the gov.uk list divides them.
 * Inquiries and fatal accident inquiries in Scotland run on Scottish days; a coroner's PFD
 * report runs on those of England and Wales, the default.
 */
public enum BankHolidays {

    ENGLAND_AND_WALES("eng", "England and Wales"),
    SCOTLAND("sct", "Scotland"),
    NORTHERN_IRELAND("nir", "Northern Ireland");

    private final String subdivision;
    private final String label;

    BankHolidays(String subdivision, String label) {
        this.subdivision = subdivision;
        this.label = label;
    }

    /** The nation's code in ISO 3166-2:GB, as Jollyday names its UK calendars. */
    String subdivision() {
        return subdivision;
    }

    /** As people write it: "England and Wales". */
    public String label() {
        return label;
    }

    /** From a file's cell, forgiving spelling: "Scotland", "england and wales", "NORTHERN_IRELAND". */
    public static BankHolidays parse(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_").replace("&", "AND");
        return Arrays.stream(values()).filter(nation -> nation.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException((value.length() <= 80 ? "\"" + value + "\" is" : "it is")
                        + " not one of England and Wales, Scotland, Northern Ireland"));
    }
}
