package org.stocktake.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.stocktake.review.ReportingQuarter;

/**
 * The dates of the quarterly cycle, for the model's timers and due dates
 * ({@code ${reportingCalendar.dueAt(reportingQuarter)}}). A window opens at the start of the
 * working day and an update falls due at its end, in London time. "Now" is the engine's clock, so
 * process tests can move through quarters with {@code ClockUtil}.
 */
@Component("reportingCalendar")
public class ReportingCalendar {

    static final LocalTime START_OF_DAY = LocalTime.of(9, 0);
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    private final ReportingSettings settings;

    ReportingCalendar(ReportingSettings settings) {
        this.settings = settings;
    }

    public Date windowOpens(String quarter) {
        LocalDate opens = ReportingQuarter.parse(quarter).lastDay().minusDays(settings.windowOpensBeforeQuarterEnd().toDays());
        return at(opens, START_OF_DAY);
    }

    public Date dueAt(String quarter) {
        return at(dueOn(ReportingQuarter.parse(quarter)), END_OF_DAY);
    }

    public Date reminderAt(String quarter) {
        return at(dueOn(ReportingQuarter.parse(quarter)).minusDays(settings.reminderBeforeDue().toDays()), START_OF_DAY);
    }

    /**
     * The quarter to report on after {@code previous} (or, for a newly assigned owner, the first),
     * skipping any whose update would fall due within the minimum notice from now.
     */
    public String nextQuarter(String previous) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ReportingQuarter candidate = previous == null
                ? ReportingQuarter.containing(now.atZone(settings.zone()).toLocalDate()).previous()
                : ReportingQuarter.parse(previous).next();
        Instant earliestDue = now.plus(settings.minimumNotice());
        while (dueAt(candidate.toString()).toInstant().isBefore(earliestDue)) {
            candidate = candidate.next();
        }
        return candidate.toString();
    }

    /** The end of the working day on a date, as the engine's timers and due dates take it. */
    public Date endOf(LocalDate day) {
        return at(day, END_OF_DAY);
    }

    private LocalDate dueOn(ReportingQuarter quarter) {
        return quarter.lastDay().plusDays(settings.dueAfterQuarterEnd().toDays());
    }

    private Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(settings.zone()).toInstant());
    }
}
