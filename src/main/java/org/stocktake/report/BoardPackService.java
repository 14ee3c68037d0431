package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.calendar.UkDates;
import org.stocktake.lifecycle.LifecycleModel;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.lifecycle.RecommendationTask;
import org.stocktake.oversight.Decision;
import org.stocktake.oversight.DecisionKind;
import org.stocktake.oversight.Escalation;
import org.stocktake.oversight.EscalationService;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;
import org.stocktake.review.TargetDates;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/**
 * Builds the board pack from our tables and the open tasks: for the person asking, only the
 * recommendations they may see, with restricted notes only where they may read them; for the
 * quarterly record, everything (only the board and the secretariat read stored packs).
 */
@Service
class BoardPackService {

    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final OpenTaskService openTasks;
    private final EscalationService escalations;
    private final OversightDecisionService decisions;
    private final Directory directory;
    private final Visibility visibility;
    private final Clock clock;

    BoardPackService(RecommendationService recommendations, ReviewService reviews, OpenTaskService openTasks, EscalationService escalations,
                     OversightDecisionService decisions, Directory directory, Visibility visibility, Clock clock) {
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.openTasks = openTasks;
        this.escalations = escalations;
        this.decisions = decisions;
        this.directory = directory;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** The pack as it stands now, for the quarter under way, as the caller may see it. */
    BoardPack forCaller() {
        return build(ReportingQuarter.containing(LocalDate.now(clock)), visibility::canSee, visibility::canReadRestrictedNotes,
                visibility.seesEverything() ? "All recommendations" : "Your organisation's recommendations");
    }

    /** The pack of a quarter for the record: every recommendation, restricted notes included. */
    BoardPack forRecord(ReportingQuarter quarter) {
        return build(quarter, recommendation -> true, recommendation -> true, "All recommendations");
    }

    /**
     * Reads what each section lists first, then every recommendation they name and their target
     * dates, latest updates, owners and reviews in a few statements, however many lines the pack has.
     */
    private BoardPack build(ReportingQuarter quarter, Predicate<Recommendation> visible, Predicate<Recommendation> mayReadRestricted,
                            String scope) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ZoneId zone = clock.getZone();
        List<RecommendationTask> updatesOverdue = openTasks.waitingAt(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE).stream()
                .filter(waiting -> waiting.due() != null && waiting.due().isBefore(now)).toList();
        List<RecommendationTask> extensionRequests = openTasks.waitingAt(LifecycleModel.TASK_DECIDE_EXTENSION);
        List<RecommendationTask> closureProposals = openTasks.waitingAt(LifecycleModel.TASK_SIGN_OFF_CLOSURE);
        List<RecommendationTask> assuranceChecks = openTasks.waitingAt(LifecycleModel.TASK_ASSURANCE_CHECK);
        List<Recommendation> ratedRed = recommendations.openRatedRed();
        List<Escalation> awaitingReview = escalations.awaitingReview();
        List<Decision> decidedThisQuarter = decisions.between(quarter.firstDay().atStartOfDay(zone).toOffsetDateTime(),
                quarter.lastDay().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        Lines lines = new Lines(visible,
                Stream.of(updatesOverdue, extensionRequests, closureProposals, assuranceChecks).flatMap(List::stream)
                        .map(RecommendationTask::businessKey).toList(),
                Stream.of(ratedRed.stream().map(Recommendation::id), awaitingReview.stream().map(Escalation::recommendationId),
                        decidedThisQuarter.stream().map(Decision::recommendationId)).flatMap(ids -> ids).toList());

        List<BoardPack.Item> overdue = new ArrayList<>();
        updatesOverdue.forEach(waiting -> lines.of(waiting.businessKey(), "Progress update overdue",
                ChronoUnit.DAYS.between(waiting.due(), now) + " days overdue", waiting.due().atZoneSameInstant(zone).toLocalDate())
                .ifPresent(overdue::add));
        List<BoardPack.Item> red = new ArrayList<>();
        boolean holdsRestricted = false;
        for (Recommendation recommendation : ratedRed) {
            if (!visible.test(recommendation)) {
                continue;
            }
            ProgressUpdate update = lines.latestUpdate(recommendation).orElseThrow();
            boolean showsNote = mayReadRestricted.test(recommendation) && update.restrictedNote() != null;
            holdsRestricted |= showsNote;
            String restricted = showsNote ? " Restricted: " + update.restrictedNote() : "";
            lines.of(recommendation, "Rated red for " + update.quarter(), update.publicUpdate() + restricted,
                    update.submittedAt().atZoneSameInstant(zone).toLocalDate()).ifPresent(red::add);
        }
        List<BoardPack.Item> escalated = new ArrayList<>();
        awaitingReview.forEach(escalation -> lines.of(escalation.recommendationId(), escalation.summary(),
                "Raised by the escalation policy; the board's review is open.", escalation.raisedAt().atZoneSameInstant(zone).toLocalDate())
                .ifPresent(escalated::add));
        List<BoardPack.Item> extensions = waitingFor(lines, extensionRequests, (recommendation, update) ->
                "Asked for " + update.map(ProgressUpdate::proposedTargetDate).map(UkDates.DAY::format).orElse("a later date")
                        + ". " + update.map(ProgressUpdate::publicUpdate).orElse(""), zone);
        List<BoardPack.Item> closures = waitingFor(lines, closureProposals, (recommendation, update) ->
                update.map(latest -> "Proposed by the owner: " + latest.proposal().label() + ". " + latest.publicUpdate())
                        .orElse("Not accepted by its addressees."), zone);
        List<BoardPack.Item> assurance = waitingFor(lines, assuranceChecks, (recommendation, update) ->
                "Closed as " + recommendation.status().label() + "; is the closure still holding?", zone);
        List<BoardPack.Item> decided = new ArrayList<>();
        decidedThisQuarter.forEach(decision -> lines.of(decision.recommendationId(),
                decision.kind().label() + ": " + DecisionKind.outcomeInWords(decision.outcome()),
                Objects.requireNonNullElse(decision.comment(), "") + " (" + decision.decidedBy() + ")",
                decision.decidedAt().atZoneSameInstant(zone).toLocalDate()).ifPresent(decided::add));

        return new BoardPack(quarter.toString(), now, scope, holdsRestricted, List.of(
                new BoardPack.Section("Overdue progress updates", "Updates past their due date, still open.", overdue),
                new BoardPack.Section("Rated RED", "Open recommendations whose latest update is rated RED.", red),
                new BoardPack.Section("Escalations", "Referred to the board and not yet reviewed.", escalated),
                new BoardPack.Section("Extension requests", "Owners asking for a later target date.", extensions),
                new BoardPack.Section("Closures awaiting sign-off", "Proposed closures waiting for the board.", closures),
                new BoardPack.Section("Assurance checks due", "Closures the board checks again.", assurance),
                new BoardPack.Section("Decisions in " + quarter, "What the secretariat and the board decided this quarter.", decided)));
    }

    private static List<BoardPack.Item> waitingFor(Lines lines, List<RecommendationTask> tasks, Detail detail, ZoneId zone) {
        List<BoardPack.Item> items = new ArrayList<>();
        for (RecommendationTask waiting : tasks) {
            lines.recommendation(waiting.businessKey()).flatMap(recommendation -> lines.of(recommendation, waiting.name(),
                    detail.of(recommendation, lines.latestUpdate(recommendation)),
                    waiting.created().atZoneSameInstant(zone).toLocalDate())).ifPresent(items::add);
        }
        return items;
    }

    private interface Detail {
        String of(Recommendation recommendation, Optional<ProgressUpdate> latestUpdate);
    }

    /**
     * Turns recommendations into the pack's lines, leaving out those the reader may not see: every
     * recommendation the sections name is read at once, with what the lines show of those visible.
     */
    private final class Lines {

        private final Predicate<Recommendation> visible;
        private final Map<String, Recommendation> byBusinessKey;
        private final Map<Long, Recommendation> byId;
        private final Map<Long, TargetDates> targetDates;
        private final Map<Long, ProgressUpdate> latestUpdates;
        private final Map<String, String> ownerNames;
        private final Map<String, String> reviewTitles;

        Lines(Predicate<Recommendation> visible, Collection<String> businessKeys, Collection<Long> ids) {
            this.visible = visible;
            this.byBusinessKey = recommendations.findByBusinessKeys(businessKeys);
            this.byId = new HashMap<>(recommendations.getAll(ids));
            byBusinessKey.values().forEach(recommendation -> byId.put(recommendation.id(), recommendation));
            Set<Long> shown = byId.values().stream().filter(visible).map(Recommendation::id).collect(Collectors.toSet());
            this.targetDates = recommendations.targetDates(shown);
            this.latestUpdates = recommendations.latestProgressUpdates(shown);
            this.ownerNames = directory.organisationNames(byId.values().stream().filter(visible).map(Recommendation::ownerGroup)
                    .filter(Objects::nonNull).collect(Collectors.toSet()));
            this.reviewTitles = reviews.list().stream().collect(Collectors.toMap(Review::code, Review::title));
        }

        Optional<Recommendation> recommendation(String businessKey) {
            return Optional.ofNullable(byBusinessKey.get(businessKey));
        }

        Optional<ProgressUpdate> latestUpdate(Recommendation recommendation) {
            return Optional.ofNullable(latestUpdates.get(recommendation.id()));
        }

        Optional<BoardPack.Item> of(String businessKey, String headline, String detail, LocalDate date) {
            return recommendation(businessKey).flatMap(recommendation -> of(recommendation, headline, detail, date));
        }

        Optional<BoardPack.Item> of(long id, String headline, String detail, LocalDate date) {
            return Optional.ofNullable(byId.get(id)).flatMap(recommendation -> of(recommendation, headline, detail, date));
        }

        Optional<BoardPack.Item> of(Recommendation recommendation, String headline, String detail, LocalDate date) {
            if (!visible.test(recommendation)) {
                return Optional.empty();
            }
            String owner = recommendation.ownerGroup() == null ? null : ownerNames.get(recommendation.ownerGroup());
            TargetDates dates = targetDates.get(recommendation.id());
            return Optional.of(new BoardPack.Item(recommendation.id(), recommendation.businessKey(), reviewTitles.get(recommendation.reviewCode()),
                    owner, dates, recommendation.status().isOpen() && dates.atRiskSince() != null, headline, detail, date));
        }
    }
}
