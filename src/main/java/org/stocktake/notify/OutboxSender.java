package org.stocktake.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over SMTP (Spring Mail), every {@code stocktake.notify.send-every}. Each
 * message is leased while it is sent and marked sent only once the server has accepted it, so a
 * node that stops mid-send loses nothing: the message goes out again when the lease ends, with
 * the same Message-ID, so the copy is recognisable. A failed delivery is tried again later, the
 * wait doubling each time. Without an SMTP server configured, messages stay in the outbox.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotifySettings settings;
    private final Clock clock;

    OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, NotifySettings settings, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhetherMailGoesOut() {
        if (mailSender.getIfAvailable() == null) {
            log.warn("No SMTP server configured (spring.mail.host, or SPRING_MAIL_HOST): notifications are kept in the outbox "
                    + "and none is sent; {} waiting", outbox.countUnsent());
        }
    }

    /**
     * Sends what is due now, batch after batch until the outbox has no more (a quarter's burst of
     * reminders goes out at once, not one batch per round); returns how many the SMTP server accepted.
     */
    int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        List<OutboxMessage> batch;
        do {
            batch = outbox.due(OffsetDateTime.now(clock), BATCH);
            sent += send(sender, batch);
        } while (batch.size() == BATCH);
        return sent;
    }

    private int send(JavaMailSender sender, List<OutboxMessage> batch) {
        int sent = 0;
        for (OutboxMessage message : batch) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!outbox.lease(message.id(), now, now.plus(LEASE))) {
                continue;
            }
            try {
                sender.send(mime(sender, message));
                outbox.markSent(message.id(), OffsetDateTime.now(clock));
                sent++;
            } catch (MailException | MessagingException e) {
                Duration wait = settings.retryAfter(message.attempts() + 1);
                log.warn("Could not send {} to {} (attempt {}), trying again in {}: {}", message.messageId(), message.recipient(),
                        message.attempts() + 1, wait, e.getMessage());
                outbox.retryLater(message.id(), OffsetDateTime.now(clock).plus(wait), e.toString());
            }
        }
        return sent;
    }

    private MimeMessage mime(JavaMailSender sender, OutboxMessage message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.textBody(), message.htmlBody());
        // kept by Spring's sender through saveChanges(): every attempt carries the same id
        mime.setHeader("Message-ID", message.messageId());
        return mime;
    }
}
