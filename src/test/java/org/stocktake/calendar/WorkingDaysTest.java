package org.stocktake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

class WorkingDaysTest {

    static final BankHolidays ENGLAND_AND_WALES = BankHolidays.ENGLAND_AND_WALES;
    static final BankHolidays SCOTLAND = BankHolidays.SCOTLAND;
    static final BankHolidays NORTHERN_IRELAND = BankHolidays.NORTHERN_IRELAND;

    WorkingDays workingDays = new WorkingDays(new CalendarSettings(null));

    @Test
    void everyBankHolidayOfEnglandAndWalesFrom2012To2027IsTheOfficialList() {
        List<LocalDate> official = officialEnglandAndWales();
        int firstYear = official.get(0).getYear();
        int lastYear = official.get(official.size() - 1).getYear();
        assertThat(firstYear).isEqualTo(2012);
        assertThat(lastYear).isGreaterThanOrEqualTo(2027);
        List<LocalDate> ours = IntStream.rangeClosed(firstYear, lastYear)
                .mapToObj(year -> workingDays.bankHolidays(ENGLAND_AND_WALES, year).keySet())
                .flatMap(days -> days.stream()).toList();
        assertThat(ours).containsExactlyElementsOf(official);
    }

    @Test
    void theMovedAndTheOneOffHolidaysByName() {
        assertThat(workingDays.bankHolidays(ENGLAND_AND_WALES, 2012)).contains(
                entry(LocalDate.of(2012, 6, 4), "Spring Bank Holiday"), entry(LocalDate.of(2012, 6, 5), "Queen's Diamond Jubilee"))
                .doesNotContainKey(LocalDate.of(2012, 5, 28));
        assertThat(workingDays.bankHolidays(ENGLAND_AND_WALES, 2020)).contains(entry(LocalDate.of(2020, 5, 8), "Early May Bank Holiday"))
                .as("VE Day in place of the first Monday").doesNotContainKey(LocalDate.of(2020, 5, 4));
        assertThat(workingDays.bankHolidays(ENGLAND_AND_WALES, 2022)).contains(
                entry(LocalDate.of(2022, 6, 2), "Spring Bank Holiday"), entry(LocalDate.of(2022, 6, 3), "Queen's Platinum Jubilee"),
                entry(LocalDate.of(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"))
                .as("the last Monday of May was a working day").doesNotContainKey(LocalDate.of(2022, 5, 30));
        assertThat(workingDays.bankHolidays(ENGLAND_AND_WALES, 2023)).contains(entry(LocalDate.of(2023, 5, 8), "King's Coronation"));
    }

    @Test
    void scotlandAndNorthernIrelandKeepTheirOwnDays() {
        assertThat(workingDays.bankHolidays(SCOTLAND, 2022).keySet()).containsExactly(
                LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 4), LocalDate.of(2022, 4, 15), LocalDate.of(2022, 5, 2),
                LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 8, 1), LocalDate.of(2022, 9, 19),
                LocalDate.of(2022, 11, 30), LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        assertThat(workingDays.bankHolidays(NORTHERN_IRELAND, 2022).keySet()).containsExactly(
                LocalDate.of(2022, 1, 3), LocalDate.of(2022, 3, 17), LocalDate.of(2022, 4, 15), LocalDate.of(2022, 4, 18),
                LocalDate.of(2022, 5, 2), LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 7, 12),
                LocalDate.of(2022, 8, 29), LocalDate.of(2022, 9, 19), LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        assertThat(workingDays.isWorkingDay(SCOTLAND, LocalDate.of(2026, 11, 30))).as("St Andrew's Day").isFalse();
        assertThat(workingDays.isWorkingDay(ENGLAND_AND_WALES, LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(workingDays.isWorkingDay(NORTHERN_IRELAND, LocalDate.of(2026, 7, 13))).as("the Boyne, a Sunday, on the Monday").isFalse();
        assertThat(workingDays.isWorkingDay(SCOTLAND, LocalDate.of(2027, 3, 29))).as("no Easter Monday in Scotland").isTrue();
    }

    @Test
    void theSettingsAddAndRemoveDaysForOneNation() {
        WorkingDays corrected = new WorkingDays(new CalendarSettings(Map.of(SCOTLAND, new CalendarSettings.Changes(
                List.of(LocalDate.of(2027, 6, 14)), List.of(LocalDate.of(2027, 8, 2))))));
        assertThat(corrected.isWorkingDay(SCOTLAND, LocalDate.of(2027, 6, 14))).as("added").isFalse();
        assertThat(corrected.isWorkingDay(SCOTLAND, LocalDate.of(2027, 8, 2))).as("removed").isTrue();
        assertThat(corrected.isWorkingDay(ENGLAND_AND_WALES, LocalDate.of(2027, 6, 14))).as("another nation's").isTrue();
        assertThat(corrected.bankHolidays(SCOTLAND, 2027)).hasSize(workingDays.bankHolidays(SCOTLAND, 2027).size());
    }

    @Test
    void aCorrectionForANationStocktakeDoesNotKnowStopsTheStartNamingIt() {
        Binder settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "stocktake.calendar.changes.england-and-wales.added[0]", "2027-06-14",
                "stocktake.calendar.changes.wales.added[0]", "2027-06-14")));
        assertThatThrownBy(() -> settings.bind("stocktake.calendar", CalendarSettings.class))
                .isInstanceOf(BindException.class).hasMessageContaining("stocktake.calendar.changes")
                .rootCause().hasMessageContaining("wales");
    }

    @Test
    void aDayOffMovesToTheNextOrThePreviousWorkingDay() {
        assertThat(workingDays.onOrAfter(ENGLAND_AND_WALES, LocalDate.of(2027, 3, 26))).as("Good Friday to Tuesday").isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(workingDays.onOrAfter(SCOTLAND, LocalDate.of(2027, 3, 26))).as("Good Friday to Monday in Scotland").isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(workingDays.onOrBefore(ENGLAND_AND_WALES, LocalDate.of(2027, 3, 29))).as("Easter Monday to Thursday").isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(workingDays.onOrAfter(ENGLAND_AND_WALES, LocalDate.of(2027, 4, 14))).as("a Wednesday stays").isEqualTo(LocalDate.of(2027, 4, 14));
        assertThat(workingDays.onOrBefore(ENGLAND_AND_WALES, LocalDate.of(2027, 1, 3))).as("a Sunday after New Year").isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void workingDaysAreCountedPastWeekendsAndBankHolidays() {
        assertThat(workingDays.after(ENGLAND_AND_WALES, LocalDate.of(2027, 3, 24), 3)).as("Wednesday before Easter, three on").isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(workingDays.after(SCOTLAND, LocalDate.of(2027, 3, 24), 3)).as("Easter Monday is worked in Scotland").isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(workingDays.after(ENGLAND_AND_WALES, LocalDate.of(2027, 3, 27), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(workingDays.after(ENGLAND_AND_WALES, LocalDate.of(2027, 3, 26), 0)).as("none: the day itself").isEqualTo(LocalDate.of(2027, 3, 26));
    }

    @Test
    void aNationIsReadAsPeopleWriteIt() {
        assertThat(BankHolidays.parse("England and Wales")).isEqualTo(ENGLAND_AND_WALES);
        assertThat(BankHolidays.parse("northern-ireland")).isEqualTo(NORTHERN_IRELAND);
        assertThat(BankHolidays.parse(" SCOTLAND ")).isEqualTo(SCOTLAND);
        assertThatThrownBy(() -> BankHolidays.parse("Wales")).hasMessage("\"Wales\" is not one of England and Wales, Scotland, Northern Ireland");
    }

    private static List<LocalDate> officialEnglandAndWales() {
        try {
            String csv = new ClassPathResource("calendar/england-and-wales-2012-2027.csv").getContentAsString(StandardCharsets.UTF_8);
            return csv.lines().filter(line -> !line.startsWith("#") && !line.startsWith("date,"))
                    .map(line -> LocalDate.parse(line.substring(0, line.indexOf(','))))
                    .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
