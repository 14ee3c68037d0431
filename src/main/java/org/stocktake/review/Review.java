package org.stocktake.review;

import java.time.LocalDate;
import org.stocktake.calendar.BankHolidays;

/**
 * A published source of recommendations, e.g. the Harris Review or a coroner's PFD report. Its
 * deadlines fall on the working days of {@code bankHolidays}.
 */
public record Review(long id, String code, String title, ReviewKind kind, LocalDate receivedOn, LocalDate responseDueOn,
                     BankHolidays bankHolidays) {

    /** A review code: upper-case parts joined by hyphens, e.g. HARRIS-2016. */
    public static final String CODE_PATTERN = "[A-Z0-9]+(-[A-Z0-9]+)*";
}
