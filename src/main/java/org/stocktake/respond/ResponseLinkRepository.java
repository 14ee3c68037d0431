package org.stocktake.respond;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class ResponseLinkRepository {

    private static final String SELECT = """
            select id, recommendation_id, organisation, purpose, task_id, sent_to, issued_by, issued_at, expires_at, used_at, revoked_by, revoked_at
            from response_link""";

    private final JdbcClient jdbc;

    ResponseLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String tokenHash, long recommendationId, String organisation, LinkPurpose purpose, String taskId, String sentTo,
                String issuedBy, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into response_link (token_hash, recommendation_id, organisation, purpose, task_id, sent_to, issued_by, issued_at,
                                           expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, recommendationId, organisation, purpose.name(), taskId, sentTo, issuedBy, issuedAt, expiresAt)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<ResponseLink> findByTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " where token_hash = ?").param(tokenHash).query(RecordRowMapper.of(ResponseLink.class)).optional();
    }

    Optional<ResponseLink> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(RecordRowMapper.of(ResponseLink.class)).optional();
    }

    List<ResponseLink> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by id").param(recommendationId)
                .query(RecordRowMapper.of(ResponseLink.class)).list();
    }

    /** Takes the link for its one use: true when this caller took it, still unused, unrevoked and unexpired. */
    boolean use(long id, OffsetDateTime now) {
        return jdbc.sql("update response_link set used_at = ? where id = ? and used_at is null and revoked_at is null and expires_at > ?")
                .params(now, id, now).update() == 1;
    }

    /** Revokes the links still open for an organisation on a recommendation. */
    void revokeOpen(long recommendationId, String organisation, String by, OffsetDateTime now) {
        jdbc.sql("""
                update response_link set revoked_by = ?, revoked_at = ?
                where recommendation_id = ? and organisation = ? and used_at is null and revoked_at is null and expires_at > ?""")
                .params(by, now, recommendationId, organisation, now).update();
    }

    boolean revoke(long id, String by, OffsetDateTime now) {
        return jdbc.sql("update response_link set revoked_by = ?, revoked_at = ? where id = ? and used_at is null and revoked_at is null")
                .params(by, now, id).update() == 1;
    }
}
