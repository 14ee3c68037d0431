package org.stocktake.respond;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.calendar.UkDates;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.stocktake.lifecycle.LinkedTaskCompletion;
import org.stocktake.lifecycle.OpenTask;
import org.stocktake.notify.Notice;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.NotificationService;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.security.Directory;
import org.stocktake.security.Fingerprint;

/**
 * Issues, opens, uses and revokes response links. A link is bound to one organisation, one
 * recommendation and the one task that waited on that organisation when it was issued: its
 * response as an addressee, or its quarterly update as the owner; a later round or quarter needs a
 * new link. Issuing a new one revokes the ones still
 * open for the same organisation and recommendation, so one link at most works at a time.
 */
@Service
public class ResponseLinkService {

    /** A token has this many random bytes: 256 bits, written in 43 URL-safe characters. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final ResponseLinkRepository links;
    private final RecommendationService recommendations;
    private final LinkedTaskCompletion completion;
    private final NotificationService notifications;
    private final Directory directory;
    private final ResponseLinkSettings settings;
    private final Clock clock;

    ResponseLinkService(ResponseLinkRepository links, RecommendationService recommendations, LinkedTaskCompletion completion,
                        NotificationService notifications, Directory directory, ResponseLinkSettings settings, Clock clock) {
        this.links = links;
        this.recommendations = recommendations;
        this.completion = completion;
        this.notifications = notifications;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** A link as issued: the only time its address, which holds the token, is known. */
    public record IssuedLink(ResponseLink link, String url) {
    }

    /**
     * Issues a link for the task waiting on {@code organisation} for the recommendation, and mails it
     * to {@code email} when one is given (otherwise the secretariat hands the address on itself).
     */
    @Transactional
    public IssuedLink issue(long recommendationId, String organisation, String email, String by) {
        if (organisation == null || organisation.isBlank()) {
            throw new InvalidInputException("addressee", "is required: the id of the organisation the link is for, e.g. bvrla");
        }
        if (!directory.organisationExists(organisation)) {
            // a link acts as a member of the group it names: never the secretariat's, the board's or any other role's
            throw new InvalidInputException("addressee", "no organisation with id " + organisation);
        }
        if (email != null && (email.length() > 254 || !email.strip().matches(EMAIL))) {
            throw new InvalidInputException("email", "is not an e-mail address: write it as name@example.org");
        }
        Recommendation recommendation = recommendations.get(recommendationId);
        // one issue at a time per recommendation, so the one it revokes cannot be issued beside it
        recommendations.claimWithoutChange(recommendation);
        Waiting waiting = waitingOn(recommendation, organisation).orElseThrow(() -> new ConflictException("Nothing of "
                + recommendation.businessKey() + " waits on " + organisation + ": a link opens an addressee's response while it is"
                + " awaited, or the owner's progress update while one is due"));
        LinkPurpose purpose = waiting.purpose();
        OffsetDateTime now = OffsetDateTime.now(clock);
        links.revokeOpen(recommendationId, organisation, by, now);
        notifications.withdrawLinkMails(recommendationId);
        String token = newToken();
        String sentTo = email == null ? null : email.strip();
        long id = links.insert(hash(token), recommendationId, organisation, purpose, waiting.task().id(), sentTo, by, now,
                now.plus(settings.validFor()));
        ResponseLink link = links.findById(id).orElseThrow();
        String url = notifications.addressOf("/respond/" + token);
        if (sentTo != null) {
            String name = directory.organisationNames(List.of(organisation)).getOrDefault(organisation, organisation);
            notifications.linkTo(new Notice(NoticeKind.RESPONSE_LINK, recommendationId, purpose.label() + " for " + name,
                    "The link below opens the form without an account. It works once, until "
                            + UkDates.DAY.format(link.expiresAt().atZoneSameInstant(clock.getZone())) + "; do not pass it on.",
                    null, waiting.task().due()), sentTo, url, purpose.label());
        }
        return new IssuedLink(link, url);
    }

    public List<ResponseLink> list(long recommendationId) {
        recommendations.get(recommendationId);
        return links.findByRecommendation(recommendationId);
    }

    /** The used link of the recommendation behind a {@code link:12} that the register recorded as who answered, if it is one. */
    public Optional<ResponseLink> actingAs(String by, long recommendationId) {
        if (by == null || !by.matches(ResponseLink.ACTING_AS + "\\d{1,18}")) {
            return Optional.empty();
        }
        return links.findById(Long.parseLong(by.substring(ResponseLink.ACTING_AS.length())))
                .filter(link -> link.recommendationId() == recommendationId && link.usedAt() != null);
    }

    @Transactional
    public void revoke(long recommendationId, long linkId, String by) {
        ResponseLink link = links.findById(linkId).filter(found -> found.recommendationId() == recommendationId)
                .orElseThrow(() -> new NotFoundException("No response link " + linkId + " for recommendation " + recommendationId));
        notifications.withdrawLinkMails(recommendationId);
        if (!links.revoke(link.id(), by, OffsetDateTime.now(clock))) {
            throw new ConflictException("Response link " + linkId + " was already " + link.state(OffsetDateTime.now(clock)).name()
                    .toLowerCase(java.util.Locale.UK) + "; nothing changed");
        }
    }

    /** The link a token stands for, or empty for a token that was never issued. */
    Optional<ResponseLink> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return links.findByTokenHash(hash(token));
    }

    /** The task the link was issued for, while the link works and that very task still waits on its organisation. */
    Optional<OpenTask> taskOf(ResponseLink link) {
        if (link.state(OffsetDateTime.now(clock)) != ResponseLink.State.USABLE) {
            return Optional.empty();
        }
        return completion.waitingOn(recommendations.get(link.recommendationId()).businessKey(), link.purpose().taskKey,
                link.organisation()).filter(task -> task.id().equals(link.taskId()));
    }

    /**
     * Uses the link: the form's fields complete its task, as the organisation would, in this one
     * transaction. A refused submission (a missing field) leaves the link unused and the task open;
     * a link used or revoked meanwhile, or a task already completed, is refused with nothing recorded.
     */
    @Transactional
    public void respond(ResponseLink link, Map<String, Object> fields) {
        OpenTask task = taskOf(link).orElseThrow(() -> new ConflictException(
                "This link no longer opens anything; nothing of this submission was saved."));
        if (!links.use(link.id(), OffsetDateTime.now(clock))) {
            throw new ConflictException("This link was used or revoked at the same moment; nothing of this submission was saved.");
        }
        notifications.withdrawLinkMails(link.recommendationId());
        completion.complete(task.id(), link.actingAs(), link.organisation(), fields);
    }

    /** A task a link could open, and what for. */
    private record Waiting(LinkPurpose purpose, OpenTask task) {
    }

    private Optional<Waiting> waitingOn(Recommendation recommendation, String organisation) {
        for (LinkPurpose purpose : LinkPurpose.values()) {
            Optional<OpenTask> task = completion.waitingOn(recommendation.businessKey(), purpose.taskKey, organisation);
            if (task.isPresent()) {
                return Optional.of(new Waiting(purpose, task.get()));
            }
        }
        return Optional.empty();
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        return Fingerprint.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
