package org.stocktake.notify;

import java.time.OffsetDateTime;

/** One mail to one recipient, kept until an SMTP server has accepted it. */
public record OutboxMessage(long id, String messageId, NoticeKind kind, Long recommendationId, String recipient, String subject,
                            String textBody, String htmlBody, OffsetDateTime createdAt, int attempts,
                            OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError) {
}
