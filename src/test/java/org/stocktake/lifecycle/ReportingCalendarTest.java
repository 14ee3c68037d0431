package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.CalendarSettings;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.engine.EngineClock;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;

class ReportingCalendarTest {

    static final long ENGLISH = 1;
    static final long SCOTTISH = 2;
    static final long NORTHERN_IRISH = 3;

    RecommendationService recommendations = mock(RecommendationService.class);
    /** Scotland's calendar corrected by the settings: 14 April 2027 added, St Andrew's Day 2027 removed. */
    WorkingDays workingDays = new WorkingDays(new CalendarSettings(Map.of(BankHolidays.SCOTLAND,
            new CalendarSettings.Changes(List.of(LocalDate.of(2027, 4, 14)), List.of(LocalDate.of(2027, 11, 30))))));
    ReportingCalendar calendar = new ReportingCalendar(new ReportingSettings(
            Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(21), Duration.ofDays(7), 6),
            workingDays, recommendations, new EngineClock(ZoneId.of("Europe/London")));

    ReportingCalendarTest() {
        recommendationOf(ENGLISH, BankHolidays.ENGLAND_AND_WALES);
        recommendationOf(SCOTTISH, BankHolidays.SCOTLAND);
        recommendationOf(NORTHERN_IRISH, BankHolidays.NORTHERN_IRELAND);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aQuartersWindowOpensBeforeItsEndAndTheUpdateIsDueAfter() {
        assertThat(calendar.windowOpens(ENGLISH, "2027-Q1")).isEqualTo(at("2027-03-17T09:00:00Z"));
        assertThat(calendar.dueAt(ENGLISH, "2027-Q1")).isEqualTo(at("2027-04-14T16:00:00Z"));
        assertThat(calendar.reminderAt(ENGLISH, "2027-Q1")).isEqualTo(at("2027-04-07T08:00:00Z"));
    }

    @Test
    void eachNationKeepsItsOwnDays() {
        assertThat(calendar.windowOpens(NORTHERN_IRISH, "2027-Q1")).as("St Patrick's Day, a Wednesday, is a holiday in Northern Ireland")
                .isEqualTo(at("2027-03-16T09:00:00Z"));
        assertThat(calendar.dueAt(SCOTTISH, "2027-Q1")).as("a day the settings add to Scotland's").isEqualTo(at("2027-04-15T16:00:00Z"));
        assertThat(calendar.dueAt(ENGLISH, "2027-Q1")).as("not to England's").isEqualTo(at("2027-04-14T16:00:00Z"));
        assertThat(workingDays.isWorkingDay(BankHolidays.SCOTLAND, LocalDate.of(2027, 11, 30))).as("a day the settings remove").isTrue();
        assertThat(workingDays.isWorkingDay(BankHolidays.SCOTLAND, LocalDate.of(2026, 11, 30))).as("only in the year named").isFalse();
    }

    @Test
    void timesAreLondonTimesAcrossSummerTime() {
        assertThat(calendar.windowOpens(ENGLISH, "2027-Q2")).isEqualTo(at("2027-06-16T08:00:00Z"));
        assertThat(calendar.dueAt(ENGLISH, "2027-Q4")).isEqualTo(at("2028-01-14T17:00:00Z"));
    }

    @Test
    void aNewOwnerReportsOnTheFirstQuarterWithEnoughNotice() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00:00Z"));
        assertThat(calendar.nextQuarter(ENGLISH, null)).isEqualTo("2027-Q1");

        ClockUtil.setCurrentTime(at("2026-12-01T10:00:00Z"));
        assertThat(calendar.nextQuarter(ENGLISH, null)).as("Q4 2026 is due on 14 January, six weeks away").isEqualTo("2026-Q4");
    }

    @Test
    void afterAnUpdateTheNextQuarterFollowsAndQuartersAlreadyDueAreSkipped() {
        ClockUtil.setCurrentTime(at("2027-03-20T10:00:00Z"));
        assertThat(calendar.nextQuarter(ENGLISH, "2027-Q1")).isEqualTo("2027-Q2");
        assertThat(calendar.nextQuarter(ENGLISH, "2026-Q4")).isEqualTo("2027-Q1");

        ClockUtil.setCurrentTime(at("2027-08-01T10:00:00Z"));
        assertThat(calendar.nextQuarter(ENGLISH, "2027-Q1")).as("returned by the board after Q2 fell due").isEqualTo("2027-Q3");
        ClockUtil.setCurrentTime(at("2027-10-01T10:00:00Z"));
        assertThat(calendar.nextQuarter(ENGLISH, "2027-Q1")).as("Q3 falls due in 13 days, within the minimum notice").isEqualTo("2027-Q4");
        assertThat(calendar.nextQuarter(ENGLISH, "2027-Q4")).isEqualTo("2028-Q1");
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
        ClockUtil.setCurrentTime(at("2028-03-01T10:00:00Z"));
        assertThat(calendar.dueAt(ENGLISH, "2028-Q1")).as("14 April 2028 is Good Friday").isEqualTo(at("2028-04-18T16:00:00Z"));
        assertThat(calendar.overdueCycle(ENGLISH, "2028-Q1")).isEqualTo("R5/2028-04-18T16:00:00Z/P7D");
    }

    @Test
    void somethingAlreadyOverdueIsCheckedAtOnceAndThenWeeklyFromThere() {
        Date due = at("2027-04-14T16:00:00Z");
        ClockUtil.setCurrentTime(at("2027-04-18T10:00:00.999Z"));
        assertThat(calendar.overdueChecksFrom(due)).as("four days late: one check now for the one missed, five to come")
                .isEqualTo("R5/2027-04-18T10:00:02Z/P7D");
        ClockUtil.setCurrentTime(at("2027-05-04T10:00:00Z"));
        assertThat(calendar.overdueChecksFrom(due)).as("20 days late: three missed become one now, three to come")
                .isEqualTo("R3/2027-05-04T10:00:02Z/P7D");
        ClockUtil.setCurrentTime(at("2027-06-01T10:00:00Z"));
        assertThat(calendar.overdueChecksFrom(due)).as("past the last check: one now").isEqualTo("R0/2027-06-01T10:00:02Z/P7D");
        ClockUtil.setCurrentTime(at("2027-04-14T10:00:00Z"));
        assertThat(calendar.overdueChecksFrom(due)).as("due later today: the first check at the due time")
                .isEqualTo("R5/2027-04-14T16:00:00Z/P7D");
    }

    @Test
    void remindersWhoseDatesHavePassedAreSkipped() {
        Date first = at("2027-02-01T09:00:00Z");
        Date last = at("2027-02-22T09:00:00Z");
        ClockUtil.setCurrentTime(at("2027-01-04T10:00:00Z"));
        assertThat(calendar.reminderCycle(first, last)).as("both ahead").isEqualTo("R1/2027-02-01T09:00:00Z/PT1814400S");
        ClockUtil.setCurrentTime(at("2027-02-10T10:00:00Z"));
        assertThat(calendar.reminderCycle(first, last)).as("the engine schedules the last, the first being past")
                .isEqualTo("R1/2027-02-01T09:00:00Z/PT1814400S");
        ClockUtil.setCurrentTime(at("2027-02-25T10:00:00Z"));
        assertThat(calendar.reminderCycle(first, last)).as("both past: one occurrence the reminder step finds past")
                .isEqualTo("R0/2027-02-25T10:00:02Z/PT1S");
        assertThat(calendar.reminderCycle(last, last)).as("on the same day").isEqualTo("R0/2027-02-25T10:00:02Z/PT1S");
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

    private void recommendationOf(long id, BankHolidays nation) {
        when(recommendations.get(id)).thenReturn(new Recommendation(id, "REVIEW", String.valueOf(id), null, "Text.",
                RecommendationStatus.IN_PROGRESS, List.of(), "lfb", null, null, LocalDate.of(2027, 1, 1), nation, 1, 0));
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
