package org.stocktake.notify;

import java.time.OffsetDateTime;

/**
 * A reminder to send to a group: what is due (the subject: an addressee's response or a quarter's
 * update), when, how many days ahead this reminder comes, and the task it concerns.
 */
public record DueReminder(long recommendationId, ReminderKind kind, String recipientGroup, String subject, OffsetDateTime dueAt,
                          int daysBefore, String headline, String taskId) {
}
