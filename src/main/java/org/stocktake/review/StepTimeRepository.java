package org.stocktake.review;

import java.time.OffsetDateTime;

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
        jdbc.sql("""
                insert into step_time (recommendation_id, step, started_at, finished_at)
                select r.id, 'RESPONSE', case when r.response_round = 1 then r.created_at
                       else coalesce((select s.finished_at from step_time s where s.recommendation_id = r.id and s.step = 'SIGN_OFF'),
                                     r.created_at) end, ?
                from recommendation r where r.id = ?""").params(at, recommendationId).update();
    }

    void ownerAssigned(long recommendationId, OffsetDateTime at) {
        jdbc.sql("""
                insert into step_time (recommendation_id, step, started_at, finished_at)
                select r.id, 'ASSIGNMENT', coalesce((select max(a.responded_at) from addressee_response a
                                                     where a.recommendation_id = r.id and a.responded_at <= ?), r.created_at), ?
                from recommendation r where r.id = ?""").params(at, at, recommendationId).update();
    }

    /** The board's sign-off, replacing any earlier one's: the step counts to the latest. */
    void signedOff(long recommendationId, OffsetDateTime at) {
        jdbc.sql("delete from step_time where recommendation_id = ? and step = 'SIGN_OFF'").param(recommendationId).update();
        jdbc.sql("""
                insert into step_time (recommendation_id, step, started_at, finished_at)
                select r.id, 'SIGN_OFF', r.created_at, ? from recommendation r where r.id = ?""").params(at, recommendationId).update();
    }
}
