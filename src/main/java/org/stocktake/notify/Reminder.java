package org.stocktake.notify;

import java.time.OffsetDateTime;

/**
 * A reminder sent to a group about a recommendation. The subject names what is due: the
 * addressee's response or the quarter's update.
 */
public record Reminder(long id, long recommendationId, ReminderKind kind, String recipientGroup, String subject,
                       OffsetDateTime dueAt, int daysBefore, OffsetDateTime createdAt) {
}
