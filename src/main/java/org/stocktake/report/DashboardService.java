package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.RegisterFigures;
import org.stocktake.review.StepFigures;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/**
 * Builds the dashboard from our tables within the caller's visibility: the register's counts and
 * the steps' times (each recorded as the step finished) are counted by the database.
 */
@Service
class DashboardService {

    static final Set<RecommendationStatus> OPEN = EnumSet.of(RecommendationStatus.AWAITING_RESPONSE,
            RecommendationStatus.AWAITING_ASSIGNMENT, RecommendationStatus.IN_PROGRESS, RecommendationStatus.CLOSURE_PROPOSED);
    static final Set<RecommendationStatus> CLOSED = EnumSet.complementOf(EnumSet.copyOf(OPEN));
    /**
     * The steps the dashboard times unless asked for others: those finished in the last twelve
     * months, so that its figures say how long steps take now, and it reads a year's steps rather
     * than every step ever taken.
     */
    static final Period STEP_TIMES_OVER = Period.ofMonths(12);
    /** Ages of open recommendations, counted from the day their review was received. */
    static final List<String> AGES = List.of("Under 3 months", "3 to 6 months", "6 to 12 months", "1 to 2 years", "Over 2 years");

    private final RegisterFigures figures;
    private final Directory directory;
    private final Visibility visibility;
    private final Clock clock;

    DashboardService(RegisterFigures figures, Directory directory, Visibility visibility, Clock clock) {
        this.figures = figures;
        this.directory = directory;
        this.visibility = visibility;
        this.clock = clock;
    }

    /**
     * Counted by the database within what the caller may see: a few rows, however large the
     * register. Step times count the steps finished since {@code stepsSince}, or in the last
     * {@link #STEP_TIMES_OVER} when it is null.
     */
    Dashboard forCaller(LocalDate stepsSince) {
        LocalDate today = LocalDate.now(clock);
        LocalDate stepTimesSince = stepsSince == null ? today.minus(STEP_TIMES_OVER) : stepsSince;
        Optional<Set<String>> scope = visibility.scope();
        Map<String, Dashboard.ReviewStatuses> byReview = new LinkedHashMap<>();
        Map<String, Integer> byAge = new LinkedHashMap<>();
        AGES.forEach(age -> byAge.put(age, 0));
        int total = 0;
        int open = 0;
        for (RegisterFigures.StatusCount count : figures.byReviewAndStatus(scope)) {
            byReview.merge(count.reviewCode(), new Dashboard.ReviewStatuses(count.reviewCode(), count.reviewTitle(), count.count(),
                    new TreeMap<>(Map.of(count.status(), count.count()))), DashboardService::sum);
            total += count.count();
            if (OPEN.contains(count.status())) {
                open += count.count();
                byAge.merge(age(count.receivedOn(), today), count.count(), Integer::sum);
            }
        }
        Map<String, Integer> byOwner = figures.byOwner(scope, OPEN);
        Map<String, String> names = directory.organisationNames(byOwner.keySet().stream().filter(Objects::nonNull).toList());
        List<Dashboard.Count> owners = byOwner.entrySet().stream()
                .map(entry -> entry.getKey() == null ? new Dashboard.Count("No owner yet", entry.getValue(), null)
                        : new Dashboard.Count(names.get(entry.getKey()), entry.getValue(), "/reports/register?status=open&owner=" + entry.getKey()))
                .sorted(Comparator.comparing(Dashboard.Count::count).reversed().thenComparing(Dashboard.Count::label)).toList();
        List<Dashboard.ResponseRate> rates = figures.responsesByReview(scope, clock.getZone()).stream()
                .map(responses -> new Dashboard.ResponseRate(responses.reviewCode(), responses.reviewTitle(), responses.onTime(),
                        responses.total() - responses.onTime(), (int) Math.round(100.0 * responses.onTime() / responses.total())))
                .toList();
        return new Dashboard(OffsetDateTime.now(clock), visibility.seesEverything() ? "All recommendations" : "Your organisation's recommendations",
                total, open, List.copyOf(byReview.values()), owners,
                byAge.entrySet().stream().map(entry -> new Dashboard.Count(entry.getKey(), entry.getValue(), null)).toList(),
                rates, figures.stepTimes(scope, CLOSED, stepTimesSince.atStartOfDay(clock.getZone()).toOffsetDateTime()).stream()
                        .map(DashboardService::stepTime).toList(), stepTimesSince);
    }

    /** One review's counts of two statuses together, in the statuses' order. */
    private static Dashboard.ReviewStatuses sum(Dashboard.ReviewStatuses counted, Dashboard.ReviewStatuses more) {
        Map<RecommendationStatus, Integer> byStatus = new TreeMap<>(counted.byStatus());
        more.byStatus().forEach((status, count) -> byStatus.merge(status, count, Integer::sum));
        return new Dashboard.ReviewStatuses(counted.code(), counted.title(), counted.total() + more.total(), byStatus);
    }

    private static Dashboard.StepTime stepTime(StepFigures figures) {
        String step = switch (figures.step()) {
            case RESPONSE -> "Response (task open to answered)";
            case ASSIGNMENT -> "Owner assignment";
            case SIGN_OFF -> "Registration to closure";
        };
        return figures.count() == 0 ? new Dashboard.StepTime(step, 0, null, null)
                : new Dashboard.StepTime(step, figures.count(), days(figures.medianSeconds()), days(figures.meanSeconds()));
    }

    /** Days to one decimal place. */
    private static double days(double seconds) {
        return Math.round(seconds / 8640) / 10.0;
    }

    static String age(LocalDate receivedOn, LocalDate today) {
        Period age = Period.between(receivedOn, today);
        long months = age.toTotalMonths();
        return months < 3 ? AGES.get(0) : months < 6 ? AGES.get(1) : months < 12 ? AGES.get(2) : months < 24 ? AGES.get(3) : AGES.get(4);
    }
}
