package org.stocktake.review;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class ResponseRepository {

    private final JdbcClient jdbc;

    ResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Recommendation recommendation, String addressee, ResponseSubmission response, String by, OffsetDateTime now) {
        jdbc.sql("""
                insert into addressee_response (recommendation_id, response_round, addressee, decision, response_text, rationale,
                                                due_on, responded_by, responded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendation.id(), recommendation.responseRound(), addressee, response.decision().name(),
                        response.responseText(), response.rationale(), recommendation.responseDueOn(), by, now)
                .update();
    }

    List<AddresseeResponse> findByRecommendation(long recommendationId) {
        return jdbc.sql("""
                select id, recommendation_id, response_round, addressee, decision, response_text, rationale, due_on,
                       responded_by, responded_at
                from addressee_response where recommendation_id = ? order by responded_at, id""")
                .param(recommendationId).query(RecordRowMapper.of(AddresseeResponse.class)).list();
    }

    /** When each response of a review was due and when it came. */
    List<ResponseTiming> timingsByReview(String reviewCode) {
        return jdbc.sql("""
                select r.recommendation_id, r.response_round, r.due_on, r.responded_at
                from addressee_response r
                join recommendation c on c.id = r.recommendation_id
                join review v on v.id = c.review_id
                where v.code = ?""")
                .param(reviewCode).query(RecordRowMapper.of(ResponseTiming.class)).list();
    }

    boolean anyAccepts(long recommendationId, int round) {
        return jdbc.sql("""
                select count(*) from addressee_response
                where recommendation_id = ? and response_round = ? and decision in (?, ?)""")
                .params(recommendationId, round, ResponseDecision.ACCEPTED.name(), ResponseDecision.PARTIALLY_ACCEPTED.name())
                .query(Long.class).single() > 0;
    }
}
