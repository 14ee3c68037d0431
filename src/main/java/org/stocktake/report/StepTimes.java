package org.stocktake.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How long the lifecycle's steps took, from the register's own tables (which are kept for good,
 * unlike the engine's history, cleaned three years after a process ends): each response (its round
 * opening to the answer), each assignment of an owner (the last response before it, or the
 * registration, to the assignment), and each sign-off (registration to the board's last sign-off,
 * which closes the recommendation if the board approved it). Recommendations imported as closed
 * never ran these steps and count in none. Read straight from the tables, as reports are.
 */
@Repository
class StepTimes {

    enum Step { RESPONSE, ASSIGNMENT, SIGN_OFF }

    /** One step taken on one recommendation, and how long it took. */
    record StepTime(Step step, String businessKey, Duration duration) {
    }

    private static final String BUSINESS_KEY = "v.code || '/' || r.reference";

    private final JdbcClient jdbc;

    StepTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every finished step of the recommendations with these business keys. */
    List<StepTime> of(Collection<String> businessKeys) {
        Set<String> wanted = new HashSet<>(businessKeys);
        // a later round opens when the board's sign-off sends the recommendation back to its addressees
        Stream<StepTime> responses = steps(Step.RESPONSE, """
                select %s as business_key, a.responded_at as done_at,
                       case when a.response_round = 1 then r.created_at
                            else coalesce((select max(d.decided_at) from decision d where d.recommendation_id = r.id
                                           and d.kind = 'CLOSURE_SIGN_OFF' and d.decided_at < a.responded_at), r.created_at)
                       end as opened_at
                from addressee_response a join recommendation r on r.id = a.recommendation_id join review v on v.id = r.review_id""");
        Stream<StepTime> assignments = steps(Step.ASSIGNMENT, """
                select %s as business_key, d.decided_at as done_at,
                       coalesce((select max(a.responded_at) from addressee_response a where a.recommendation_id = r.id
                                 and a.responded_at <= d.decided_at), r.created_at) as opened_at
                from decision d join recommendation r on r.id = d.recommendation_id join review v on v.id = r.review_id
                where d.kind = 'OWNER_ASSIGNMENT'""");
        Stream<StepTime> signOffs = steps(Step.SIGN_OFF, """
                select %s as business_key, max(d.decided_at) as done_at, r.created_at as opened_at
                from decision d join recommendation r on r.id = d.recommendation_id join review v on v.id = r.review_id
                where d.kind = 'CLOSURE_SIGN_OFF'
                group by v.code, r.reference, r.created_at""");
        return Stream.of(responses, assignments, signOffs).flatMap(steps -> steps)
                .filter(step -> wanted.contains(step.businessKey())).toList();
    }

    private Stream<StepTime> steps(Step step, String sql) {
        return jdbc.sql(sql.formatted(BUSINESS_KEY)).query((row, n) -> new StepTime(step, row.getString("business_key"),
                Duration.between(row.getObject("opened_at", OffsetDateTime.class), row.getObject("done_at", OffsetDateTime.class))))
                .list().stream();
    }
}
