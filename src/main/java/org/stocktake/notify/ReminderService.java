package org.stocktake.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.jdbc.RecordRowMapper;

/**
 * Reminders, one row each, and the messages they send. The unique key (recommendation, kind,
 * subject, due time, days ahead) means a timer that fires again after a crash reminds nobody twice.
 */
@Service
public class ReminderService {

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final Clock clock;

    ReminderService(JdbcClient jdbc, NotificationService notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Records and sends the reminder unless it was already sent; true when it is new. */
    @Transactional
    public boolean remind(DueReminder reminder) {
        boolean sent = jdbc.sql("""
                select count(*) from reminder
                where recommendation_id = ? and kind = ? and subject = ? and due_at = ? and days_before = ?""")
                .params(reminder.recommendationId(), reminder.kind().name(), reminder.subject(), reminder.dueAt(), reminder.daysBefore())
                .query(Long.class).single() > 0;
        if (sent) {
            return false;
        }
        jdbc.sql("""
                insert into reminder (recommendation_id, kind, recipient_group, subject, due_at, days_before, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(reminder.recommendationId(), reminder.kind().name(), reminder.recipientGroup(), reminder.subject(),
                        reminder.dueAt(), reminder.daysBefore(), OffsetDateTime.now(clock))
                .update();
        notifications.toGroups(new Notice(NoticeKind.REMINDER, reminder.recommendationId(), reminder.headline(),
                "Due in " + reminder.daysBefore() + (reminder.daysBefore() == 1 ? " day." : " days."), reminder.taskId(),
                reminder.dueAt()), List.of(reminder.recipientGroup()));
        return true;
    }

    public List<Reminder> list(long recommendationId) {
        return jdbc.sql("""
                select id, recommendation_id, kind, recipient_group, subject, due_at, days_before, created_at
                from reminder where recommendation_id = ? order by created_at, id""")
                .param(recommendationId).query(RecordRowMapper.of(Reminder.class)).list();
    }
}
