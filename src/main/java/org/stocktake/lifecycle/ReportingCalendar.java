package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.springframework.stereotype.Component;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.review.RecommendationService;

/**
 * The dates of the quarterly cycle, for the model's timers and due dates
 * ({@code ${reportingCalendar.dueAt(recommendationId, reportingQuarter)}}), in the zone of the
 * one clock and on the working days of the recommendation's review: a window opens at the start
 * of a working day, on or before its date; an update falls due at the end of a working day, on or
 * after its date; a reminder comes on or before its date. "Now" is the engine's clock, so process
 * tests can move through quarters with {@code ClockUtil}.
 */
@Component("reportingCalendar")
public class ReportingCalendar {

    static final LocalTime START_OF_DAY = LocalTime.of(9, 0);
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    private final ReportingSettings settings;
    private final WorkingDays workingDays;
    private final RecommendationService recommendations;
    private final Clock clock;

    ReportingCalendar(ReportingSettings settings, WorkingDays workingDays, RecommendationService recommendations, Clock clock) {
        this.settings = settings;
        this.workingDays = workingDays;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    public Date windowOpens(long recommendationId, String quarter) {
        LocalDate opens = ReportingQuarter.parse(quarter).lastDay().minusDays(settings.windowOpensBeforeQuarterEnd().toDays());
        return startOf(workingDays.onOrBefore(nation(recommendationId), opens));
    }

    public Date dueAt(long recommendationId, String quarter) {
        return endOf(dueOn(nation(recommendationId), ReportingQuarter.parse(quarter)));
    }

    public Date reminderAt(long recommendationId, String quarter) {
        BankHolidays nation = nation(recommendationId);
        LocalDate due = dueOn(nation, ReportingQuarter.parse(quarter));
        return startOf(workingDays.onOrBefore(nation, due.minusDays(settings.reminderBeforeDue().toDays())));
    }

    /** The update's overdue checks: at its due time, then every {@code overdue-check-every}, as a timer cycle. */
    public String overdueCycle(long recommendationId, String quarter) {
        return overdueChecksFrom(dueAt(recommendationId, quarter));
    }

    /**
     * The quarter to report on after {@code previous} (or, for a newly assigned owner, the first),
     * skipping any whose update would fall due within the minimum notice from now.
     */
    public String nextQuarter(long recommendationId, String previous) {
        BankHolidays nation = nation(recommendationId);
        Instant now = clock.instant();
        ReportingQuarter candidate = previous == null
                ? ReportingQuarter.containing(LocalDate.now(clock)).previous()
                : ReportingQuarter.parse(previous).next();
        Instant earliestDue = now.plus(settings.minimumNotice());
        while (endOf(dueOn(nation, candidate)).toInstant().isBefore(earliestDue)) {
            candidate = candidate.next();
        }
        return candidate.toString();
    }

    /** The working days that hold for a recommendation: its review's nation's. */
    private BankHolidays nation(long recommendationId) {
        return recommendations.get(recommendationId).bankHolidays();
    }

    /** Calendar days (in the clock's zone) from one moment's day to the day something is due. */
    public int daysBetween(Date from, Date due) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dayOf(from), dayOf(due)));
    }

    /** The end of the working day on a date, as the engine's timers and due dates take it. */
    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(clock.getZone()).toInstant());
    }

    /** The day a moment falls on, in the clock's zone. */
    public LocalDate dayOf(Date moment) {
        return moment.toInstant().atZone(clock.getZone()).toLocalDate();
    }

    public Date startOf(LocalDate day) {
        return Date.from(day.atTime(START_OF_DAY).atZone(clock.getZone()).toInstant());
    }

    /**
     * The overdue checks as a repeating interval the engine's timers take: the first at the due
     * time, then {@code Rn} repetitions, e.g. six checks weekly are {@code R5/2027-04-14T16:00:00Z/P7D}.
     * Something already overdue when its task opens (registered after its deadline, or a task
     * opened late) is checked at once: the checks whose dates have passed become one now, and the
     * rest follow at the same interval from it. The engine adds the interval in the
     * JVM's zone, which the engine module (EngineZone) makes the clock's, so a check stays at the same hour of
     * the day across the clocks' changes.
     */
    String overdueChecksFrom(Date due) {
        String every = "P" + settings.overdueCheckEvery().toDays() + "D";
        int checks = settings.overdueChecks();
        Instant now = clock.instant();
        if (due.toInstant().isAfter(now)) {
            return "R" + (checks - 1) + "/" + due.toInstant() + "/" + every;
        }
        ZonedDateTime first = due.toInstant().atZone(clock.getZone());
        long passed = 1;
        while (passed < checks && !first.plusDays(passed * settings.overdueCheckEvery().toDays()).toInstant().isAfter(now)) {
            passed++;
        }
        return "R" + (checks - passed) + "/" + atOnce(now) + "/" + every;
    }

    /**
     * A first and a last reminder as a timer cycle, {@code R1/<first>/PT<seconds to the last>S}, of
     * which the engine schedules the first still ahead: reminders whose dates have passed are
     * skipped. Two that fall on the same day come a second apart, and the second is dropped as the
     * same reminder. With both passed the cycle would get no due date and stop the process from
     * going on, so it becomes one occurrence now, which the reminder step finds past.
     */
    String reminderCycle(Date first, Date last) {
        Instant now = clock.instant();
        if (!last.toInstant().isAfter(now)) {
            return "R0/" + atOnce(now) + "/PT1S";
        }
        long gap = Math.max(1, Duration.between(first.toInstant(), last.toInstant()).toSeconds());
        return "R1/" + first.toInstant() + "/PT" + gap + "S";
    }

    /**
     * "At once" as a cycle's start: the engine schedules a start only if it is after its own now,
     * read again after this one, so the start is the second after next, a margin of one to two
     * seconds. (A start it finds past would be skipped for the next occurrence, a week later.)
     */
    private static Instant atOnce(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    }

    private LocalDate dueOn(BankHolidays nation, ReportingQuarter quarter) {
        return workingDays.onOrAfter(nation, quarter.lastDay().plusDays(settings.dueAfterQuarterEnd().toDays()));
    }
}
