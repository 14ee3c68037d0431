package org.stocktake.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.jdbc.RecordRowMapper;

/**
 * Reminders, one row each. The unique key (recommendation, kind, subject, due time) means a timer
 * that fires again after a crash reminds nobody twice.
 */
@Service
public class Reminders {

    private final JdbcClient jdbc;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the reminder unless it was already recorded; true when it is new. */
    @Transactional
    public boolean remind(long recommendationId, ReminderKind kind, String recipientGroup, String subject, OffsetDateTime dueAt) {
        boolean exists = jdbc.sql("""
                select count(*) from reminder where recommendation_id = ? and kind = ? and subject = ? and due_at = ?""")
                .params(recommendationId, kind.name(), subject, dueAt).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                insert into reminder (recommendation_id, kind, recipient_group, subject, due_at, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, kind.name(), recipientGroup, subject, dueAt, OffsetDateTime.now(clock))
                .update();
        return true;
    }

    public List<Reminder> list(long recommendationId) {
        return jdbc.sql("""
                select id, recommendation_id, kind, recipient_group, subject, due_at, created_at
                from reminder where recommendation_id = ? order by created_at, id""")
                .param(recommendationId).query(RecordRowMapper.of(Reminder.class)).list();
    }
}
