package org.stocktake.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.stocktake.review.ReportingQuarter;
import org.stocktake.review.WorkingDays;

/**
 * The dates of the quarterly cycle, for the model's timers and due dates
 * ({@code ${reportingCalendar.dueAt(reportingQuarter)}}), in London time and on working days: a
 * window opens at the start of a working day, on or before its date; an update falls due at the
 * end of a working day, on or after its date; a reminder comes on or before its date. "Now" is the
 * engine's clock, so process tests can move through quarters with {@code ClockUtil}.
 */
@Component("reportingCalendar")
public class ReportingCalendar {

    static final LocalTime START_OF_DAY = LocalTime.of(9, 0);
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
    private static final DatatypeFactory DATATYPES = datatypeFactory();

    private final ReportingSettings settings;
    private final WorkingDays workingDays;

    ReportingCalendar(ReportingSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public Date windowOpens(String quarter) {
        LocalDate opens = ReportingQuarter.parse(quarter).lastDay().minusDays(settings.windowOpensBeforeQuarterEnd().toDays());
        return startOf(workingDays.onOrBefore(opens));
    }

    public Date dueAt(String quarter) {
        return endOf(dueOn(ReportingQuarter.parse(quarter)));
    }

    public Date reminderAt(String quarter) {
        return startOf(workingDays.onOrBefore(dueOn(ReportingQuarter.parse(quarter)).minusDays(settings.reminderBeforeDue().toDays())));
    }

    /** The update's overdue checks: at its due time, then every {@code overdue-check-every}, as a timer cycle. */
    public String overdueCycle(String quarter) {
        return overdueCycleFrom(dueAt(quarter));
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

    /** Calendar days (in London) from one moment's day to the day something is due. */
    public int daysBetween(Date from, Date due) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(from.toInstant().atZone(settings.zone()).toLocalDate(),
                due.toInstant().atZone(settings.zone()).toLocalDate()));
    }

    /** The end of the working day on a date, as the engine's timers and due dates take it. */
    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(settings.zone()).toInstant());
    }

    /** The day a moment falls on, in the reporting zone. */
    public LocalDate dayOf(Date moment) {
        return moment.toInstant().atZone(settings.zone()).toLocalDate();
    }

    public Date startOf(LocalDate day) {
        return Date.from(day.atTime(START_OF_DAY).atZone(settings.zone()).toInstant());
    }

    /**
     * The overdue checks as a repeating interval the engine's timers take: the first at the due
     * time, then {@code Rn} repetitions, e.g. six checks weekly are {@code R5/2027-04-14T16:00:00Z/P7D}.
     */
    String overdueCycleFrom(Date due) {
        return cycle(due, "P" + settings.overdueCheckEvery().toDays() + "D", settings.overdueChecks());
    }

    /**
     * A timer cycle of {@code occurrences} from {@code first}, an ISO 8601 {@code period} apart.
     * The engine schedules the first occurrence still ahead; a cycle with none left gets no due
     * date and would stop the process from going on (a review registered long after its
     * deadline). So a cycle whose occurrences have all passed becomes one occurrence a minute from
     * now, and the step the timer starts decides whether anything is still worth doing.
     */
    String cycle(Date first, String period, int occurrences) {
        // the last occurrence, added up as the engine's DurationHelper does
        Calendar last = new GregorianCalendar();
        last.setTime(first);
        Duration step = DATATYPES.newDuration(period);
        for (int i = 1; i < occurrences; i++) {
            step.addTo(last);
        }
        Date now = ClockUtil.getCurrentTime();
        if (last.getTime().before(now)) {
            return "R0/" + now.toInstant().plus(1, ChronoUnit.MINUTES) + "/PT1S";
        }
        return "R" + (occurrences - 1) + "/" + first.toInstant() + "/" + period;
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate dueOn(ReportingQuarter quarter) {
        return workingDays.onOrAfter(quarter.lastDay().plusDays(settings.dueAfterQuarterEnd().toDays()));
    }
}
