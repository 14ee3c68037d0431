package org.stocktake.oversight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.errors.NotFoundException;

/** Records what goes to the board and why. */
@Service
public class EscalationService {

    private final EscalationRepository escalations;
    private final Clock clock;

    EscalationService(EscalationRepository escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    /** Records an escalation and returns its id, which the board's task carries. */
    @Transactional
    public long raise(long recommendationId, EscalationReason reason, String subject, String severity) {
        return escalations.insert(recommendationId, reason, subject, severity, OffsetDateTime.now(clock));
    }

    /** How often the recommendation has gone to the board before. */
    public long count(long recommendationId) {
        return escalations.countByRecommendation(recommendationId);
    }

    @Transactional
    public void markReviewed(long id) {
        escalations.markReviewed(id, OffsetDateTime.now(clock));
    }

    public Escalation get(long id) {
        return escalations.findById(id).orElseThrow(() -> new NotFoundException("No escalation with id " + id));
    }

    public List<Escalation> list(long recommendationId) {
        return escalations.findByRecommendation(recommendationId);
    }

    /** Escalations the board has not reviewed yet, oldest first. */
    public List<Escalation> awaitingReview() {
        return escalations.findUnreviewed();
    }
}
