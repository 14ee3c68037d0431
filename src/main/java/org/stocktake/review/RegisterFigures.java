package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The register counted by the database, for the dashboard: however many recommendations there
 * are, each answer is a few rows. Each count takes a scope: empty for every recommendation, or the
 * groups through which the caller sees them (as owner or addressee), as {@link Visibility} rules.
 */
@Service
public class RegisterFigures {

    /** A review's recommendations of one status. */
    public record StatusCount(String reviewCode, String reviewTitle, LocalDate receivedOn, RecommendationStatus status, int count) {
    }

    /** A review's responses, and how many came on the day they were due or before. */
    public record ResponseCount(String reviewCode, String reviewTitle, int onTime, int total) {
    }

    private final JdbcClient jdbc;

    RegisterFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every review's recommendations by status, reviews in code order. */
    public List<StatusCount> byReviewAndStatus(Optional<Set<String>> scope) {
        Map<String, Object> parameters = new HashMap<>();
        return jdbc.sql("""
                select v.code, v.title, v.received_on, r.status, count(*) as n
                from recommendation r join review v on v.id = r.review_id
                where %s group by v.code, v.title, v.received_on, r.status order by v.code""".formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters)
                .query((row, n) -> new StatusCount(row.getString("code"), row.getString("title"), row.getObject("received_on", LocalDate.class),
                        RecommendationStatus.valueOf(row.getString("status")), row.getInt("n")))
                .list();
    }

    /** Recommendations of these statuses by owning organisation; those without an owner under {@code null}. */
    public Map<String, Integer> byOwner(Optional<Set<String>> scope, Collection<RecommendationStatus> statuses) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("statuses", statuses.stream().map(Enum::name).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select r.owner_group, count(*) as n from recommendation r where r.status in (:statuses) and %s group by r.owner_group"
                        .formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters).query((row, n) -> counts.put(row.getString("owner_group"), row.getInt("n"))).list();
        return counts;
    }

    /** Every review's responses, on time meaning recorded on the day due (in {@code zone}) or before; reviews in code order. */
    public List<ResponseCount> responsesByReview(Optional<Set<String>> scope, ZoneId zone) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("zone", zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
        return jdbc.sql("""
                select v.code, v.title, count(*) as n,
                       sum(case when cast(a.responded_at at time zone :zone as date) <= a.due_on then 1 else 0 end) as on_time
                from addressee_response a join recommendation r on r.id = a.recommendation_id join review v on v.id = r.review_id
                where %s group by v.code, v.title order by v.code""".formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters)
                .query((row, n) -> new ResponseCount(row.getString("code"), row.getString("title"), row.getInt("on_time"), row.getInt("n")))
                .list();
    }

    /**
     * Each step finished since {@code since}: its count, median and mean, in the order of
     * {@link LifecycleStep}; a sign-off counts only for a recommendation now closed with one of
     * {@code closed}. Only those steps are read (step_time_finished).
     */
    public List<StepFigures> stepTimes(Optional<Set<String>> scope, Collection<RecommendationStatus> closed, OffsetDateTime since) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("closed", closed.stream().map(Enum::name).toList());
        parameters.put("since", since);
        Map<LifecycleStep, StepFigures> figures = new HashMap<>();
        jdbc.sql("""
                select t.step, count(*) as n, avg(t.seconds) as mean, percentile_cont(0.5) within group (order by t.seconds) as median
                from (select s.step, s.seconds
                      from step_time s join recommendation r on r.id = s.recommendation_id
                      where s.finished_at >= :since and (s.step <> 'SIGN_OFF' or r.status in (:closed)) and %s) t
                group by t.step""".formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters)
                .query((row, n) -> figures.put(LifecycleStep.valueOf(row.getString("step")), new StepFigures(
                        LifecycleStep.valueOf(row.getString("step")), row.getInt("n"), row.getDouble("median"), row.getDouble("mean"))))
                .list();
        List<StepFigures> inOrder = new ArrayList<>();
        for (LifecycleStep step : LifecycleStep.values()) {
            inOrder.add(figures.getOrDefault(step, new StepFigures(step, 0, null, null)));
        }
        return inOrder;
    }
}
