package org.stocktake.review;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each lifecycle step's start and finish, written in the transaction that finishes it, each start
 * read from the register's own rows in the same statement.
 */
@Repository
class StepTimeRepository {

    private final JdbcClient jdbc;

    StepTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A response in the recommendation's current round; a later round opened at the sign-off that sent it back. */
    void responded(long recommendationId, OffsetDateTime at) {
        insert("""
                select r.id, 'RESPONSE' as step, case when r.response_round = 1 then r.created_at
                       else coalesce((select s.finished_at from step_time s where s.recommendation_id = r.id and s.step = 'SIGN_OFF'),
                                     r.created_at) end as started_at, cast(:at as timestamp with time zone) as finished_at
                from recommendation r where r.id = :id""", recommendationId, at);
    }

    void ownerAssigned(long recommendationId, OffsetDateTime at) {
        insert("""
                select r.id, 'ASSIGNMENT' as step, coalesce((select max(a.responded_at) from addressee_response a
                                                             where a.recommendation_id = r.id and a.responded_at <= :at), r.created_at) as started_at,
                       cast(:at as timestamp with time zone) as finished_at
                from recommendation r where r.id = :id""", recommendationId, at);
    }

    /** The board's sign-off, replacing any earlier one's: the step counts to the latest. */
    void signedOff(long recommendationId, OffsetDateTime at) {
        jdbc.sql("delete from step_time where recommendation_id = ? and step = 'SIGN_OFF'").param(recommendationId).update();
        insert("""
                select r.id, 'SIGN_OFF' as step, r.created_at as started_at, cast(:at as timestamp with time zone) as finished_at
                from recommendation r where r.id = :id""", recommendationId, at);
    }

    /** Inserts the step the query gives (its columns id, step, started_at and finished_at), with its length in seconds. */
    private void insert(String step, long recommendationId, OffsetDateTime at) {
        jdbc.sql("""
                insert into step_time (recommendation_id, step, started_at, finished_at, seconds)
                select t.id, t.step, t.started_at, t.finished_at, cast(extract(epoch from t.finished_at) - extract(epoch from t.started_at) as bigint)
                from (%s) t""".formatted(step))
                .params(Map.of("id", recommendationId, "at", at)).update();
    }
}
