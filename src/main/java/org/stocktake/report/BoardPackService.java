package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.calendar.UkDates;
import org.stocktake.lifecycle.LifecycleModel;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.lifecycle.RecommendationTask;
import org.stocktake.oversight.DecisionKind;
import org.stocktake.oversight.EscalationService;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
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

    private BoardPack build(ReportingQuarter quarter, Predicate<Recommendation> visible, Predicate<Recommendation> mayReadRestricted,
                            String scope) {
        Lines lines = new Lines(visible);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ZoneId zone = clock.getZone();

        List<BoardPack.Item> overdue = new ArrayList<>();
        for (RecommendationTask waiting : openTasks.waitingAt(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE)) {
            OffsetDateTime due = waiting.task().due();
            if (due != null && due.isBefore(now)) {
                lines.of(waiting.businessKey(), "Progress update overdue", ChronoUnit.DAYS.between(due, now) + " days overdue",
                        due.atZoneSameInstant(zone).toLocalDate()).ifPresent(overdue::add);
            }
        }
        List<BoardPack.Item> red = new ArrayList<>();
        boolean holdsRestricted = false;
        for (Recommendation recommendation : recommendations.openRatedRed()) {
            ProgressUpdate update = recommendations.latestProgressUpdate(recommendation.id()).orElseThrow();
            boolean showsNote = mayReadRestricted.test(recommendation) && update.restrictedNote() != null && visible.test(recommendation);
            holdsRestricted |= showsNote;
            String restricted = showsNote ? " Restricted: " + update.restrictedNote() : "";
            lines.of(recommendation, "Rated red for " + update.quarter(), update.publicUpdate() + restricted,
                    update.submittedAt().atZoneSameInstant(zone).toLocalDate()).ifPresent(red::add);
        }
        List<BoardPack.Item> escalated = new ArrayList<>();
        escalations.awaitingReview().forEach(escalation -> lines.of(recommendations.get(escalation.recommendationId()),
                escalation.summary(), "Raised by the escalation policy; the board's review is open.",
                escalation.raisedAt().atZoneSameInstant(zone).toLocalDate()).ifPresent(escalated::add));
        List<BoardPack.Item> extensions = waitingFor(lines, LifecycleModel.TASK_DECIDE_EXTENSION, (recommendation, update) ->
                "Asked for " + update.map(ProgressUpdate::proposedTargetDate).map(UkDates.DAY::format).orElse("a later date")
                        + ". " + update.map(ProgressUpdate::publicUpdate).orElse(""), zone);
        List<BoardPack.Item> closures = waitingFor(lines, LifecycleModel.TASK_SIGN_OFF_CLOSURE, (recommendation, update) ->
                update.map(latest -> "Proposed by the owner: " + latest.proposal().label() + ". " + latest.publicUpdate())
                        .orElse("Not accepted by its addressees."), zone);
        List<BoardPack.Item> assurance = waitingFor(lines, LifecycleModel.TASK_ASSURANCE_CHECK, (recommendation, update) ->
                "Closed as " + recommendation.status().label() + "; is the closure still holding?", zone);
        List<BoardPack.Item> decided = new ArrayList<>();
        decisions.between(quarter.firstDay().atStartOfDay(zone).toOffsetDateTime(),
                quarter.lastDay().plusDays(1).atStartOfDay(zone).toOffsetDateTime()).forEach(decision -> lines.of(
                recommendations.get(decision.recommendationId()), decision.kind().label() + ": " + DecisionKind.outcomeInWords(decision.outcome()),
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

    private List<BoardPack.Item> waitingFor(Lines lines, String taskKey, Detail detail, ZoneId zone) {
        List<BoardPack.Item> items = new ArrayList<>();
        for (RecommendationTask waiting : openTasks.waitingAt(taskKey)) {
            recommendations.findByBusinessKey(waiting.businessKey()).flatMap(recommendation -> lines.of(recommendation,
                    waiting.task().name(), detail.of(recommendation, recommendations.latestProgressUpdate(recommendation.id())),
                    waiting.task().created().atZoneSameInstant(zone).toLocalDate())).ifPresent(items::add);
        }
        return items;
    }

    private interface Detail {
        String of(Recommendation recommendation, Optional<ProgressUpdate> latestUpdate);
    }

    /** Turns recommendations into the pack's lines, leaving out those the reader may not see. */
    private final class Lines {

        private final Predicate<Recommendation> visible;
        private final Map<String, String> reviewTitles;

        Lines(Predicate<Recommendation> visible) {
            this.visible = visible;
            this.reviewTitles = new HashMap<>();
        }

        Optional<BoardPack.Item> of(String businessKey, String headline, String detail, LocalDate date) {
            return recommendations.findByBusinessKey(businessKey).flatMap(recommendation -> of(recommendation, headline, detail, date));
        }

        Optional<BoardPack.Item> of(Recommendation recommendation, String headline, String detail, LocalDate date) {
            if (!visible.test(recommendation)) {
                return Optional.empty();
            }
            String review = reviewTitles.computeIfAbsent(recommendation.reviewCode(), code -> reviews.get(code).title());
            String owner = recommendation.ownerGroup() == null ? null
                    : directory.organisationNames(List.of(recommendation.ownerGroup())).get(recommendation.ownerGroup());
            TargetDates targetDates = recommendations.targetDates(recommendation.id());
            return Optional.of(new BoardPack.Item(recommendation.id(), recommendation.businessKey(), review, owner, targetDates,
                    recommendation.status().isOpen() && targetDates.atRiskSince() != null, headline, detail, date));
        }
    }
}
