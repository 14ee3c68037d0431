package org.stocktake.oversight;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class EscalationRepository {

    private static final String SELECT = "select id, recommendation_id, reason, subject, severity, raised_at, reviewed_at from escalation";

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long recommendationId, EscalationReason reason, String subject, String severity, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into escalation (recommendation_id, reason, subject, severity, raised_at) values (?, ?, ?, ?, ?)")
                .params(recommendationId, reason.name(), subject, severity, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Escalation> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(RecordRowMapper.of(Escalation.class)).optional();
    }

    List<Escalation> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by raised_at, id").param(recommendationId)
                .query(RecordRowMapper.of(Escalation.class)).list();
    }

    List<Escalation> findUnreviewed() {
        return jdbc.sql(SELECT + " where reviewed_at is null order by raised_at, id").query(RecordRowMapper.of(Escalation.class)).list();
    }

    long countByRecommendation(long recommendationId) {
        return jdbc.sql("select count(*) from escalation where recommendation_id = ?").param(recommendationId).query(Long.class).single();
    }

    void markReviewed(long id, OffsetDateTime now) {
        jdbc.sql("update escalation set reviewed_at = ? where id = ?").params(now, id).update();
    }
}
