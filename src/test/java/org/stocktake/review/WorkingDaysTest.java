package org.stocktake.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    WorkingDays workingDays = new WorkingDays(List.of(LocalDate.of(2023, 5, 8)));

    @Test
    void theBankHolidaysOfEnglandAndWalesAsPublished() {
        assertThat(workingDays.bankHolidays(2027)).containsExactlyInAnyOrder(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 3),
                LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));
        assertThat(workingDays.bankHolidays(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @Test
    void oneOffBankHolidaysComeFromTheSettings() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2023, 5, 8))).as("the coronation").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2023, 5, 9))).isTrue();
    }

    @Test
    void aDayOffMovesToTheNextOrThePreviousWorkingDay() {
        assertThat(workingDays.onOrAfter(LocalDate.of(2027, 3, 26))).as("Good Friday to Tuesday").isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(workingDays.onOrBefore(LocalDate.of(2027, 3, 29))).as("Easter Monday to Thursday").isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(workingDays.onOrAfter(LocalDate.of(2027, 4, 14))).as("a Wednesday stays").isEqualTo(LocalDate.of(2027, 4, 14));
        assertThat(workingDays.onOrBefore(LocalDate.of(2027, 1, 3))).as("a Sunday after New Year").isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void easterFallsWhereTheCalendarSaysForCenturies() {
        assertThat(WorkingDays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }
}
