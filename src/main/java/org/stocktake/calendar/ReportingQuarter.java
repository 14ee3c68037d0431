package org.stocktake.calendar;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter a progress update reports on, written {@code 2027-Q1}. */
public record ReportingQuarter(int year, int quarter) implements Comparable<ReportingQuarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public static ReportingQuarter parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a reporting quarter (e.g. 2027-Q1): " + text);
        }
        return new ReportingQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static ReportingQuarter containing(LocalDate date) {
        return new ReportingQuarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public ReportingQuarter next() {
        return quarter == 4 ? new ReportingQuarter(year + 1, 1) : new ReportingQuarter(year, quarter + 1);
    }

    public ReportingQuarter previous() {
        return quarter == 1 ? new ReportingQuarter(year - 1, 4) : new ReportingQuarter(year, quarter - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    @Override
    public int compareTo(ReportingQuarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
