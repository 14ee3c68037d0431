package org.stocktake.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;

/**
 * Writes notifications to the outbox, one message per recipient, in the transaction of the step
 * that warrants them: if the step rolls back, nobody is told. Recipients are the engine's users
 * with an e-mail address, of a group or by id; someone who appears twice gets one message.
 */
@Service
public class NotificationService {

    private final OutboxRepository outbox;
    private final MessageTemplates templates;
    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final Directory directory;
    private final NotifySettings settings;
    private final Clock clock;

    NotificationService(OutboxRepository outbox, MessageTemplates templates, RecommendationService recommendations, ReviewService reviews,
                  Directory directory, NotifySettings settings, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void toGroups(Notice notice, Collection<String> groupIds) {
        Set<String> recipients = new LinkedHashSet<>();
        groupIds.forEach(groupId -> recipients.addAll(directory.emailsOfGroup(groupId)));
        write(notice, recipients);
    }

    @Transactional
    public void toUser(Notice notice, String userId) {
        directory.emailOf(userId).ifPresent(email -> write(notice, Set.of(email)));
    }

    /**
     * Sends a link to a form to an address outside the directory (an organisation without
     * accounts). The body holds the link, so it is blanked in the outbox once sent.
     */
    @Transactional
    public void linkTo(Notice notice, String email, String link, String linkText) {
        Recommendation recommendation = recommendations.get(notice.recommendationId());
        write(notice, Set.of(email), templates.render(notice, recommendation, reviews.get(recommendation.reviewCode()), link, linkText));
    }

    /**
     * Deletes the recommendation's link mails not yet sent, and blanks the kept ones: a link that was
     * used, revoked or replaced is not mailed, and its address is no longer kept anywhere.
     */
    @Transactional
    public void withdrawLinkMails(long recommendationId) {
        outbox.withdrawLinks(recommendationId);
    }

    /** The full address of a path of Stocktake's, as people reach it (stocktake.notify.base-url). */
    public String addressOf(String path) {
        return settings.baseUrl() + path;
    }

    private void write(Notice notice, Set<String> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        Recommendation recommendation = recommendations.get(notice.recommendationId());
        write(notice, recipients, templates.render(notice, recommendation, reviews.get(recommendation.reviewCode())));
    }

    private void write(Notice notice, Set<String> recipients, MessageTemplates.Message message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String recipient : recipients) {
            outbox.insert(messageId(), notice.kind(), notice.recommendationId(), recipient, message.subject(), message.text(),
                    message.html(), now);
        }
    }

    /** A Message-ID of our own, fixed when the message is written, so every resend carries the same one. */
    private String messageId() {
        String from = settings.from();
        return "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }
}
