package org.stocktake.calendar;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in the UK read them, on every page, form and message: 31 March 2027. */
public final class UkDates {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private UkDates() {
    }
}
