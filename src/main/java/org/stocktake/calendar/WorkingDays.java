package org.stocktake.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days in a UK nation: not a weekend and not one of its bank holidays. The holidays come
 * from Jollyday's UK calendar, which keeps the regular ones with their substitute days, the moved
 * ones (VE Day in 2020, the Platinum Jubilee in 2022) and the one-off ones (a coronation, a state
 * funeral) for every nation; {@code stocktake.calendar.changes} corrects it until a release that
 * knows a newly announced day. A new Jollyday release is a version change in the pom, checked by
 * {@code WorkingDaysTest} against the published lists.
 */
@Component
public class WorkingDays {

    private static final HolidayManager UNITED_KINGDOM = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

    private final CalendarSettings settings;
    private final Map<String, SortedMap<LocalDate, String>> holidaysByNationAndYear = new ConcurrentHashMap<>();

    public WorkingDays(CalendarSettings settings) {
        this.settings = settings;
    }

    public boolean isWorkingDay(BankHolidays nation, LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays(nation, day.getYear()).containsKey(day);
    }

    /** The day itself if it is a working day, else the next one. */
    public LocalDate onOrAfter(BankHolidays nation, LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(nation, working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    /** The day itself if it is a working day, else the one before. */
    public LocalDate onOrBefore(BankHolidays nation, LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(nation, working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    /** The working day that is {@code count} working days after {@code day} (which need not be one itself). */
    public LocalDate after(BankHolidays nation, LocalDate day, int count) {
        LocalDate working = day;
        for (int left = count; left > 0; left--) {
            working = onOrAfter(nation, working.plusDays(1));
        }
        return working;
    }

    /** A nation's bank holidays in a year, each the day it is taken (a substitute Monday, not the Saturday), with its name. */
    public SortedMap<LocalDate, String> bankHolidays(BankHolidays nation, int year) {
        return holidaysByNationAndYear.computeIfAbsent(nation.name() + year, key -> read(nation, year));
    }

    private SortedMap<LocalDate, String> read(BankHolidays nation, int year) {
        SortedMap<LocalDate, String> holidays = new TreeMap<>();
        for (Holiday holiday : UNITED_KINGDOM.getHolidays(Year.of(year), nation.subdivision())) {
            holidays.put(holiday.getDate(), holiday.getDescription(Locale.UK));
        }
        CalendarSettings.Changes changes = settings.of(nation);
        changes.removed().forEach(holidays::remove);
        changes.added().stream().filter(day -> day.getYear() == year).forEach(day -> holidays.put(day, "Bank holiday (stocktake.calendar)"));
        return Collections.unmodifiableSortedMap(holidays);
    }
}
