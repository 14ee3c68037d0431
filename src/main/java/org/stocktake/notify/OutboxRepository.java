package org.stocktake.notify;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class OutboxRepository {

    private static final String SELECT = """
            select id, message_id, kind, recommendation_id, recipient, subject, text_body, html_body, created_at, attempts,
                   next_attempt_at, sent_at, last_error
            from outbox_message""";

    /** What is kept of a sent response link's body. */
    static final String SENT_LINK_BLANKED = "(a response link: its body is not kept once sent)";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String messageId, NoticeKind kind, long recommendationId, String recipient, String subject, String textBody,
                String htmlBody, OffsetDateTime now) {
        jdbc.sql("""
                insert into outbox_message (message_id, kind, recommendation_id, recipient, subject, text_body, html_body,
                                            created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(messageId, kind.name(), recommendationId, recipient, subject, textBody, htmlBody, now, now)
                .update();
    }

    /** Unsent messages whose next attempt is due and that no sender holds, oldest first. */
    List<OutboxMessage> due(OffsetDateTime now, int limit) {
        return jdbc.sql(SELECT + " where sent_at is null and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
                        + " order by id fetch first " + limit + " rows only")
                .params(now, now).query(RecordRowMapper.of(OutboxMessage.class)).list();
    }

    /**
     * Takes a message for sending until the lease ends, unless someone else holds it: true when
     * taken. A sender that dies holding a lease leaves the message to be taken again afterwards.
     */
    boolean lease(long id, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                update outbox_message set lease_until = ?
                where id = ? and sent_at is null and (lease_until is null or lease_until < ?)""")
                .params(until, id, now).update() == 1;
    }

    void withdrawLinks(long recommendationId) {
        jdbc.sql("delete from outbox_message where recommendation_id = ? and kind = ? and sent_at is null")
                .params(recommendationId, NoticeKind.RESPONSE_LINK.name()).update();
    }

    /** Marks a message sent; a response link's body, which holds the link's secret, is not kept once it is. */
    void markSent(long id, OffsetDateTime now) {
        jdbc.sql("""
                update outbox_message set sent_at = ?, attempts = attempts + 1, lease_until = null, last_error = null,
                       text_body = case when kind = ? then ? else text_body end,
                       html_body = case when kind = ? then ? else html_body end
                where id = ?""")
                .params(now, NoticeKind.RESPONSE_LINK.name(), SENT_LINK_BLANKED, NoticeKind.RESPONSE_LINK.name(), SENT_LINK_BLANKED, id)
                .update();
    }

    void retryLater(long id, OffsetDateTime next, String error) {
        jdbc.sql("""
                update outbox_message set attempts = attempts + 1, next_attempt_at = ?, lease_until = null, last_error = ?
                where id = ?""")
                .params(next, error.length() > 2000 ? error.substring(0, 2000) : error, id).update();
    }

    long countUnsent() {
        return jdbc.sql("select count(*) from outbox_message where sent_at is null").query(Long.class).single();
    }

    List<OutboxMessage> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by id").param(recommendationId)
                .query(RecordRowMapper.of(OutboxMessage.class)).list();
    }
}
