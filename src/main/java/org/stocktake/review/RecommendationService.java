package org.stocktake.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.stocktake.security.Directory;

/**
 * The register of recommendations and what their addressees and owners reported. Registering one
 * publishes {@link RecommendationRegistered}; the lifecycle's steps call back here to record what
 * happened, so reports read only our tables.
 */
@Service
public class RecommendationService {

    private final ReviewService reviews;
    private final RecommendationRepository recommendations;
    private final ResponseRepository responses;
    private final ProgressUpdateRepository progressUpdates;
    private final TargetDateRepository targetDates;
    private final StepTimeRepository stepTimes;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecommendationService(ReviewService reviews, RecommendationRepository recommendations, ResponseRepository responses,
                          ProgressUpdateRepository progressUpdates, TargetDateRepository targetDates, StepTimeRepository stepTimes,
                          Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.responses = responses;
        this.progressUpdates = progressUpdates;
        this.targetDates = targetDates;
        this.stepTimes = stepTimes;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Recommendation register(String reviewCode, NewRecommendation recommendation) {
        Review review = reviews.get(reviewCode);
        List<String> unknown = directory.unknownOrganisations(recommendation.addressees());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("addressees", "no organisation with id " + String.join(", ", unknown)
                    + " (organisations are groups of type organisation in Camunda Admin)");
        }
        if (recommendations.existsReference(review.id(), recommendation.reference())) {
            throw new ConflictException("Review " + reviewCode + " already has a recommendation " + recommendation.reference());
        }
        long id = recommendations.insert(review.id(), recommendation, RecommendationStatus.AWAITING_RESPONSE, null,
                review.responseDueOn(), null, now());
        Recommendation registered = get(id);
        events.publishEvent(new RecommendationRegistered(id, registered.businessKey()));
        return registered;
    }

    public Recommendation get(long id) {
        return recommendations.findById(id).orElseThrow(() -> new NotFoundException("No recommendation with id " + id));
    }

    /** The recommendation of a business key, {@code <reviewCode>/<reference>}. */
    public Optional<Recommendation> findByBusinessKey(String businessKey) {
        int slash = businessKey.indexOf('/');
        return slash < 0 ? Optional.empty() : recommendations.findByBusinessKey(businessKey.substring(0, slash), businessKey.substring(slash + 1));
    }

    /** Open recommendations whose latest progress update is rated RED. */
    public List<Recommendation> openRatedRed() {
        List<Long> ids = recommendations.findOpenRatedRed();
        Map<Long, Recommendation> found = recommendations.findByIds(ids);
        return ids.stream().map(found::get).toList();
    }

    /** These recommendations, by id; an id of none is left out. */
    public Map<Long, Recommendation> getAll(Collection<Long> ids) {
        return recommendations.findByIds(ids);
    }

    /** These recommendations, by business key; a key of none is left out. */
    public Map<String, Recommendation> findByBusinessKeys(Collection<String> businessKeys) {
        Map<String, Long> ids = recommendations.findIdsByBusinessKeys(businessKeys);
        Map<Long, Recommendation> found = recommendations.findByIds(ids.values());
        Map<String, Recommendation> byKey = new HashMap<>();
        ids.forEach((key, id) -> byKey.put(key, found.get(id)));
        return byKey;
    }

    /**
     * A recommendation an import brings in, at the stage its file gives, with the file's latest
     * public update as the update of {@code quarter}. Part of the import's one transaction.
     */
    public long registerImported(Review review, NewRecommendation recommendation, RecommendationStatus status, String ownerGroup,
                                 long importId, String publicUpdate, ReportingQuarter quarter, String by) {
        OffsetDateTime now = now();
        long id = recommendations.insert(review.id(), recommendation, status, ownerGroup, review.responseDueOn(), importId, now);
        if (publicUpdate != null) {
            progressUpdates.insertImported(id, quarter, publicUpdate, by, now);
        }
        return id;
    }

    /** The import that brought a recommendation in, and the stage its file gave; empty if it was registered by hand. */
    public Optional<ImportedAs> importedAs(long recommendationId) {
        return recommendations.importedAs(recommendationId);
    }

    public record ImportedAs(long importId, RecommendationStatus status) {
    }

    public List<Recommendation> listByReview(String reviewCode) {
        reviews.get(reviewCode);
        return recommendations.findByReview(reviewCode);
    }

    /** The recommendations within a scope ({@link Visibility#scope()}), as the register lists them. */
    public List<RegisterEntry> register(Optional<Set<String>> scope) {
        return recommendations.findRegister(scope);
    }

    /** The organisations that are addressees of the recommendations within a scope. */
    public Set<String> addresseeOrganisations(Optional<Set<String>> scope) {
        return recommendations.findAddresseeOrganisations(scope);
    }

    /** What these recommendations of the register say, and their latest public updates, by id. */
    public Map<Long, RegisterText> registerTexts(Collection<Long> ids) {
        return recommendations.findRegisterTexts(ids);
    }

    /** The ids of the recommendations in which every word is found (see the register's search). */
    public Set<Long> matching(List<String> words) {
        return Set.copyOf(recommendations.findMatching(words));
    }

    /** Everything about a review's recommendations that may be published, for anyone signed in. */
    public List<PublishedRecommendation> published(String reviewCode) {
        reviews.get(reviewCode);
        return recommendations.findPublished(reviewCode);
    }

    public StatusSummary summary(String reviewCode) {
        reviews.get(reviewCode);
        Map<RecommendationStatus, Long> counts = recommendations.countByStatus(reviewCode);
        List<ResponseTiming> timings = responses.timingsByReview(reviewCode);
        long onTime = timings.stream().filter(timing -> timing.onTime(clock.getZone())).count();
        return new StatusSummary(reviewCode, counts.values().stream().mapToLong(Long::longValue).sum(), counts,
                new StatusSummary.Responses(onTime, timings.size() - onTime));
    }

    public List<AddresseeResponse> responses(long recommendationId) {
        return responses.findByRecommendation(recommendationId);
    }

    public List<ProgressUpdate> progressUpdates(long recommendationId) {
        return progressUpdates.findByRecommendation(recommendationId);
    }

    /** When any recommendation of the review last changed; empty while it has none. */
    public Optional<OffsetDateTime> lastChangedAt(String reviewCode) {
        return recommendations.lastChangedAt(reviewCode);
    }

    /** Each recommendation's latest public update, of a review's, by recommendation id. */
    public Map<Long, String> latestPublicUpdates(String reviewCode) {
        return progressUpdates.latestPublicUpdates(reviewCode);
    }

    /** These recommendations' latest progress updates, by id; one with none is left out. */
    public Map<Long, ProgressUpdate> latestProgressUpdates(Collection<Long> recommendationIds) {
        return progressUpdates.findLatest(recommendationIds);
    }

    public Optional<ProgressUpdate> latestProgressUpdate(long recommendationId) {
        return progressUpdates.findLatest(recommendationId);
    }

    @Transactional
    public void recordResponse(long recommendationId, String addressee, ResponseSubmission response, String by) {
        responses.insert(get(recommendationId), addressee, response, by, now());
        stepTimes.responded(recommendationId, now());
    }

    /** The secretariat's assignment of an owner, or the board's sign-off of a proposed closure, timed as it is recorded. */
    @Transactional
    public void stepFinished(long recommendationId, LifecycleStep step) {
        switch (step) {
            case ASSIGNMENT -> stepTimes.ownerAssigned(recommendationId, now());
            case SIGN_OFF -> stepTimes.signedOff(recommendationId, now());
            case RESPONSE -> throw new IllegalArgumentException("a response is timed as it is recorded (recordResponse)");
        }
    }

    /** Whether any addressee accepted, wholly or in part, in the current round of responses. */
    public boolean acceptedInCurrentRound(long recommendationId) {
        return responses.anyAccepts(recommendationId, get(recommendationId).responseRound());
    }

    /**
     * Takes the recommendation, as it was read, for a change in the current transaction; refused
     * with 409 when someone else changed it since, so no change is made from a stale reading.
     */
    @Transactional
    public void claimChange(Recommendation asRead) {
        requireTaken(asRead, recommendations.claim(asRead.id(), asRead.version(), now()));
    }

    /**
     * As {@link #claimChange}, for work that changes nothing people read of the recommendation (a
     * response link issued): its last change, which the public summary and the register show, stays.
     */
    @Transactional
    public void claimWithoutChange(Recommendation asRead) {
        requireTaken(asRead, recommendations.claimUnchanged(asRead.id(), asRead.version()));
    }

    private static void requireTaken(Recommendation asRead, boolean taken) {
        if (!taken) {
            throw new ConflictException("Recommendation " + asRead.businessKey() + " was changed by someone else at the same moment;"
                    + " nothing of this submission was saved. Reload it and try again.");
        }
    }

    @Transactional
    public void recordProgressUpdate(long recommendationId, ProgressUpdateSubmission update, String by) {
        claimChange(get(recommendationId));
        progressUpdates.insert(recommendationId, update, by, now());
        if (update.proposal().proposesClosure()) {
            changeStatus(recommendationId, RecommendationStatus.CLOSURE_PROPOSED);
        }
        if (update.proposal() == Proposal.REQUEST_EXTENSION) {
            targetDates.markAtRisk(recommendationId, now());
        }
    }

    @Transactional
    public void changeStatus(long recommendationId, RecommendationStatus status) {
        recommendations.updateStatus(recommendationId, status, now());
    }

    @Transactional
    public void changeOwner(long recommendationId, String ownerGroup, String ownerUser) {
        recommendations.updateOwner(recommendationId, ownerGroup, ownerUser, now());
    }

    /**
     * Sets the target date: the first one set stays the original for good, and every later change
     * is kept as a revision with who asked, why, and who agreed it.
     */
    @Transactional
    public void changeTargetDate(long recommendationId, LocalDate targetDate, TargetDates.Request asked, String agreedBy) {
        LocalDate previous = get(recommendationId).targetDate();
        if (previous == null) {
            targetDates.keepAsOriginal(recommendationId, targetDate);
        } else if (!previous.equals(targetDate)) {
            targetDates.insertRevision(recommendationId,
                    new TargetDateRevision(previous, targetDate, asked.reason(), asked.by(), asked.at(), agreedBy, now()));
        }
        recommendations.updateTargetDate(recommendationId, targetDate, now());
    }

    /** The board has decided on the owner's word that the target date will be missed: no longer off track for it. */
    @Transactional
    public void dateRiskDecided(long recommendationId) {
        targetDates.clearAtRisk(recommendationId);
    }

    public TargetDates targetDates(long recommendationId) {
        return targetDates.find(recommendationId);
    }

    /** These recommendations' target dates, by id. */
    public Map<Long, TargetDates> targetDates(Collection<Long> recommendationIds) {
        return targetDates.findAll(recommendationIds);
    }

    /** Asks the addressees again (the board returned a non-acceptance), with a fresh response period from today. */
    @Transactional
    public void askAddresseesAgain(long recommendationId) {
        Review review = reviews.get(get(recommendationId).reviewCode());
        recommendations.startResponseRound(recommendationId, reviews.responseDueFromToday(review), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
