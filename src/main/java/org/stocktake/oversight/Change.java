package org.stocktake.oversight;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.stocktake.calendar.UkDates;
import org.stocktake.review.RecommendationStatus;

/**
 * One field a decision changed, before and after, as recorded: the field's name and values as the
 * API carries them. {@link #inWords()} says it as pages and messages do.
 */
public record Change(String field, String before, String after) {

    private static final Map<String, String> FIELDS = Map.of("status", "Status", "ownerGroup", "Owner", "ownerUser", "Lead",
            "targetDate", "Target date", "responseRound", "Round of responses", "responseDueOn", "Response due");
    /** A moved due date is recorded as the due date of the task, by its name. */
    static final String DUE_DATE_OF = "dueDate of ";

    /** E.g. "Status: closure proposed to resolved", "Target date: 31 March 2027 to 30 June 2027". */
    public String inWords() {
        return name() + ": " + (before == null ? "none" : value(before)) + " to " + (after == null ? "none" : value(after));
    }

    private String name() {
        return field.startsWith(DUE_DATE_OF) ? "Due date of " + field.substring(DUE_DATE_OF.length()) : FIELDS.getOrDefault(field, field);
    }

    private String value(String value) {
        if ("status".equals(field)) {
            return RecommendationStatus.valueOf(value).label().toLowerCase(Locale.UK);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return UkDates.DAY.format(LocalDate.parse(value));
        }
        return value;
    }
}
