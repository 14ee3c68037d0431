package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stocktake.review.ReportingQuarter;
import org.stocktake.review.WorkingDays;

class ReportingCalendarTest {

    ReportingCalendar calendar = new ReportingCalendar(new ReportingSettings(ZoneId.of("Europe/London"),
            Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(21), Duration.ofDays(7), 6),
            new WorkingDays(List.of()));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aQuartersWindowOpensBeforeItsEndAndTheUpdateIsDueAfter() {
        assertThat(calendar.windowOpens("2027-Q1")).isEqualTo(at("2027-03-17T09:00:00Z"));
        assertThat(calendar.dueAt("2027-Q1")).isEqualTo(at("2027-04-14T16:00:00Z"));
        assertThat(calendar.reminderAt("2027-Q1")).isEqualTo(at("2027-04-07T08:00:00Z"));
    }

    @Test
    void timesAreLondonTimesAcrossSummerTime() {
        assertThat(calendar.windowOpens("2027-Q2")).isEqualTo(at("2027-06-16T08:00:00Z"));
        assertThat(calendar.dueAt("2027-Q4")).isEqualTo(at("2028-01-14T17:00:00Z"));
    }

    @Test
    void aNewOwnerReportsOnTheFirstQuarterWithEnoughNotice() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00:00Z"));
        assertThat(calendar.nextQuarter(null)).isEqualTo("2027-Q1");

        ClockUtil.setCurrentTime(at("2026-12-01T10:00:00Z"));
        assertThat(calendar.nextQuarter(null)).as("Q4 2026 is due on 14 January, six weeks away").isEqualTo("2026-Q4");
    }

    @Test
    void afterAnUpdateTheNextQuarterFollowsAndQuartersAlreadyDueAreSkipped() {
        ClockUtil.setCurrentTime(at("2027-03-20T10:00:00Z"));
        assertThat(calendar.nextQuarter("2027-Q1")).isEqualTo("2027-Q2");
        assertThat(calendar.nextQuarter("2026-Q4")).isEqualTo("2027-Q1");

        ClockUtil.setCurrentTime(at("2027-08-01T10:00:00Z"));
        assertThat(calendar.nextQuarter("2027-Q1")).as("returned by the board after Q2 fell due").isEqualTo("2027-Q3");
        ClockUtil.setCurrentTime(at("2027-10-01T10:00:00Z"));
        assertThat(calendar.nextQuarter("2027-Q1")).as("Q3 falls due in 13 days, within the minimum notice").isEqualTo("2027-Q4");
        assertThat(calendar.nextQuarter("2027-Q4")).isEqualTo("2028-Q1");
    }

    @Test
    void quartersWrapAtTheYearAndReadTheirOwnFormat() {
        assertThat(ReportingQuarter.parse("2027-Q4").next()).hasToString("2028-Q1");
        assertThat(ReportingQuarter.parse("2027-Q1").previous()).hasToString("2026-Q4");
        assertThat(ReportingQuarter.containing(LocalDate.of(2027, 8, 31))).hasToString("2027-Q3");
        assertThat(ReportingQuarter.parse("2028-Q1").lastDay()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThatThrownBy(() -> ReportingQuarter.parse("2027-Q5")).hasMessageContaining("2027-Q5");
    }

    @Test
    void anUpdateDueOnAHolidayFallsDueOnTheNextWorkingDay() {
        assertThat(calendar.dueAt("2028-Q1")).as("14 April 2028 is Good Friday").isEqualTo(at("2028-04-18T16:00:00Z"));
        assertThat(calendar.overdueCycle("2028-Q1")).isEqualTo("R5/2028-04-18T16:00:00Z/P7D");
    }

    @Test
    void aCycleWithOccurrencesLeftStartsAtItsFirstAndOneWhollyPastBecomesOneOccurrenceAMinuteAhead() {
        ClockUtil.setCurrentTime(at("2027-05-20T10:00:00Z"));
        assertThat(calendar.cycle(at("2027-04-14T16:00:00Z"), "P7D", 6)).as("the last check, 19 May, has passed")
                .isEqualTo("R0/2027-05-20T10:01:00Z/PT1S");
        assertThat(calendar.cycle(at("2027-04-14T16:00:00Z"), "P7D", 7)).as("the last check, 26 May, is ahead")
                .isEqualTo("R6/2027-04-14T16:00:00Z/P7D");
    }

    @Test
    void daysBetweenCountsLondonCalendarDays() {
        assertThat(calendar.daysBetween(at("2027-02-01T09:00:00Z"), calendar.endOf(LocalDate.of(2027, 3, 1)))).isEqualTo(28);
        // half past midnight on 1 July in London is still 30 June in UTC
        assertThat(calendar.daysBetween(at("2027-06-30T23:30:00Z"), calendar.endOf(LocalDate.of(2027, 7, 2)))).isEqualTo(1);
        assertThat(calendar.daysBetween(at("2027-03-02T09:00:00Z"), calendar.endOf(LocalDate.of(2027, 3, 1)))).as("never negative").isZero();
    }

    @Test
    void aDeadlineDayEndsAtFivePmInLondon() {
        assertThat(calendar.endOf(LocalDate.of(2027, 3, 1))).isEqualTo(at("2027-03-01T17:00:00Z"));
        assertThat(calendar.endOf(LocalDate.of(2027, 7, 1))).isEqualTo(at("2027-07-01T16:00:00Z"));
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
