package org.stocktake.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Working days in England and Wales: not a weekend and not a bank holiday. The regular bank
 * holidays are computed for any year (with the weekend substitutes for New Year, Christmas and
 * Boxing Day); one-off ones, such as a coronation, are listed in
 * {@code stocktake.calendar.extra-bank-holidays}.
 */
@ConfigurationProperties("stocktake.calendar")
public record WorkingDays(List<LocalDate> extraBankHolidays) {

    public WorkingDays {
        extraBankHolidays = extraBankHolidays == null ? List.of() : List.copyOf(extraBankHolidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays(day.getYear()).contains(day);
    }

    /** The day itself if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    /** The day itself if it is a working day, else the one before. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    Set<LocalDate> bankHolidays(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        holidays.add(weekdayOrMonday(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        holidays.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekdayOrMonday(LocalDate.of(year, 12, 25));
        holidays.add(christmas);
        LocalDate boxingDay = weekdayOrMonday(LocalDate.of(year, 12, 26));
        holidays.add(boxingDay.equals(christmas) ? christmas.plusDays(1) : boxingDay);
        extraBankHolidays.stream().filter(day -> day.getYear() == year).forEach(holidays::add);
        return holidays;
    }

    private static LocalDate weekdayOrMonday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
