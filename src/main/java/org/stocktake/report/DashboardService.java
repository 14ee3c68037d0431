package org.stocktake.report;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ResponseTiming;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/** Builds the dashboard from our tables and the engine's history, within the caller's visibility. */
@Service
class DashboardService {

    static final Set<RecommendationStatus> OPEN = EnumSet.of(RecommendationStatus.AWAITING_RESPONSE,
            RecommendationStatus.AWAITING_ASSIGNMENT, RecommendationStatus.IN_PROGRESS, RecommendationStatus.CLOSURE_PROPOSED);
    static final Set<RecommendationStatus> CLOSED = EnumSet.complementOf(EnumSet.copyOf(OPEN));
    /** Open recommendations without an owner, counted together (no organisation has this id: ids have no spaces). */
    private static final String NO_OWNER = " none";
    /** Ages of open recommendations, counted from the day their review was received. */
    static final List<String> AGES = List.of("Under 3 months", "3 to 6 months", "6 to 12 months", "1 to 2 years", "Over 2 years");

    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final StepTimeReport stepTimes;
    private final Directory directory;
    private final Visibility visibility;
    private final Clock clock;

    DashboardService(ReviewService reviews, RecommendationService recommendations, StepTimeReport stepTimes, Directory directory,
                     Visibility visibility, Clock clock) {
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.stepTimes = stepTimes;
        this.directory = directory;
        this.visibility = visibility;
        this.clock = clock;
    }

    Dashboard forCaller() {
        LocalDate today = LocalDate.now(clock);
        List<Dashboard.ReviewStatuses> byReview = new ArrayList<>();
        List<Dashboard.ResponseRate> rates = new ArrayList<>();
        Map<String, Integer> byOwner = new TreeMap<>();
        Map<String, Integer> byAge = new LinkedHashMap<>();
        AGES.forEach(age -> byAge.put(age, 0));
        List<Recommendation> all = new ArrayList<>();

        for (Review review : reviews.list()) {
            List<Recommendation> visible = visibility.visible(recommendations.listByReview(review.code()));
            if (visible.isEmpty()) {
                continue;
            }
            all.addAll(visible);
            Map<RecommendationStatus, Integer> counts = new LinkedHashMap<>();
            for (RecommendationStatus status : RecommendationStatus.values()) {
                int count = (int) visible.stream().filter(recommendation -> recommendation.status() == status).count();
                if (count > 0) {
                    counts.put(status, count);
                }
            }
            byReview.add(new Dashboard.ReviewStatuses(review.code(), review.title(), visible.size(), counts));
            for (Recommendation recommendation : visible) {
                if (OPEN.contains(recommendation.status())) {
                    byOwner.merge(recommendation.ownerGroup() == null ? NO_OWNER : recommendation.ownerGroup(), 1, Integer::sum);
                    byAge.merge(age(review.receivedOn(), today), 1, Integer::sum);
                }
            }
            Set<Long> ids = visible.stream().map(Recommendation::id).collect(Collectors.toSet());
            List<ResponseTiming> timings = recommendations.responseTimings(review.code()).stream()
                    .filter(timing -> ids.contains(timing.recommendationId())).toList();
            if (!timings.isEmpty()) {
                int onTime = (int) timings.stream().filter(timing -> timing.onTime(clock.getZone())).count();
                rates.add(new Dashboard.ResponseRate(review.code(), review.title(), onTime, timings.size() - onTime,
                        (int) Math.round(100.0 * onTime / timings.size())));
            }
        }
        Map<String, String> names = directory.organisationNames(byOwner.keySet());
        List<Dashboard.Count> owners = byOwner.entrySet().stream()
                .map(entry -> NO_OWNER.equals(entry.getKey()) ? new Dashboard.Count("No owner yet", entry.getValue(), null)
                        : new Dashboard.Count(names.get(entry.getKey()), entry.getValue(), "/reports/register?status=open&owner=" + entry.getKey()))
                .sorted(Comparator.comparing(Dashboard.Count::count).reversed().thenComparing(Dashboard.Count::label)).toList();
        int open = (int) all.stream().filter(recommendation -> OPEN.contains(recommendation.status())).count();
        return new Dashboard(OffsetDateTime.now(clock), visibility.seesEverything() ? "All recommendations" : "Your organisation's recommendations",
                all.size(), open, byReview, owners,
                byAge.entrySet().stream().map(entry -> new Dashboard.Count(entry.getKey(), entry.getValue(), null)).toList(),
                rates, stepTimes(all));
    }

    private List<Dashboard.StepTime> stepTimes(List<Recommendation> visible) {
        Set<String> closed = visible.stream().filter(recommendation -> CLOSED.contains(recommendation.status()))
                .map(Recommendation::businessKey).collect(Collectors.toSet());
        List<StepTimeReport.StepTime> taken = stepTimes.of(visible);
        Map<String, List<Duration>> byStep = new LinkedHashMap<>();
        byStep.put("Response (task open to answered)", durations(taken, StepTimeReport.Step.RESPONSE, null));
        byStep.put("Owner assignment", durations(taken, StepTimeReport.Step.ASSIGNMENT, null));
        byStep.put("Registration to closure", durations(taken, StepTimeReport.Step.SIGN_OFF, closed));
        return byStep.entrySet().stream().map(entry -> stepTime(entry.getKey(), entry.getValue())).toList();
    }

    private static List<Duration> durations(List<StepTimeReport.StepTime> taken, StepTimeReport.Step step, Set<String> only) {
        return taken.stream().filter(time -> time.step() == step && (only == null || only.contains(time.businessKey())))
                .map(StepTimeReport.StepTime::duration).sorted().toList();
    }

    private static Dashboard.StepTime stepTime(String step, List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return new Dashboard.StepTime(step, 0, null, null);
        }
        double median = days(sorted.get(sorted.size() / 2).plus(sorted.get((sorted.size() - 1) / 2)).dividedBy(2));
        double mean = days(sorted.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(sorted.size()));
        return new Dashboard.StepTime(step, sorted.size(), median, mean);
    }

    private static double days(Duration duration) {
        return Math.round(duration.toMinutes() / 144.0) / 10.0;
    }

    static String age(LocalDate receivedOn, LocalDate today) {
        Period age = Period.between(receivedOn, today);
        long months = age.toTotalMonths();
        return months < 3 ? AGES.get(0) : months < 6 ? AGES.get(1) : months < 12 ? AGES.get(2) : months < 24 ? AGES.get(3) : AGES.get(4);
    }
}
