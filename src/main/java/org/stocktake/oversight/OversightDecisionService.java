package org.stocktake.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.calendar.UkDates;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.notify.Notice;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.NotificationService;
import org.stocktake.review.LifecycleStep;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.TargetDates;
import org.stocktake.security.Directory;

/**
 * The decisions that change a recommendation: the secretariat's owner assignment and the board's
 * decisions on escalations, extensions, closures and assurance checks. Each is recorded with who,
 * when, why and the fields it changed.
 */
@Service
public class OversightDecisionService {

    private final RecommendationService recommendations;
    private final EscalationService escalations;
    private final DecisionRepository decisions;
    private final Directory directory;
    private final NotificationService notifications;
    private final Clock clock;

    OversightDecisionService(RecommendationService recommendations, EscalationService escalations, DecisionRepository decisions,
              Directory directory, NotificationService notifications, Clock clock) {
        this.recommendations = recommendations;
        this.escalations = escalations;
        this.decisions = decisions;
        this.directory = directory;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public void assignOwner(long recommendationId, OwnerAssignment assignment, String by) {
        requireOrganisation("ownerGroup", assignment.ownerGroup());
        if (assignment.ownerUser() != null && !directory.isMember(assignment.ownerUser(), assignment.ownerGroup())) {
            throw new InvalidInputException("ownerUser", "is not one of the people of "
                    + directory.organisationNames(List.of(assignment.ownerGroup())).get(assignment.ownerGroup()) + ": choose the lead again");
        }
        requireFuture("targetDate", assignment.targetDate());
        Recommendation before = recommendations.get(recommendationId);
        recommendations.claimChange(before);
        List<Change> changes = new ArrayList<>();
        changeOwner(before, assignment.ownerGroup(), assignment.ownerUser(), changes);
        changeTargetDate(before, assignment.targetDate(), new TargetDates.Request(by, now(), "Set again when the owner was assigned"),
                by, changes);
        changeStatus(before, RecommendationStatus.IN_PROGRESS, changes);
        decisions.insert(recommendationId, DecisionKind.OWNER_ASSIGNMENT, RecommendationStatus.IN_PROGRESS, null, null, changes, by, now());
        recommendations.stepFinished(recommendationId, LifecycleStep.ASSIGNMENT);
        tell(recommendationId, "Your organisation owns this recommendation",
                "Target date: " + assignment.targetDate() + ". Progress is reported every quarter.");
    }

    @Transactional
    public void reviewEscalation(long escalationId, EscalationReview review, String by) {
        Escalation escalation = escalations.get(escalationId);
        Recommendation before = recommendations.get(escalation.recommendationId());
        recommendations.claimChange(before);
        List<Change> changes = new ArrayList<>();
        switch (review.escalationAction()) {
            case EXTEND -> {
                requireOwner(before, review.escalationAction());
                requireFuture("targetDate", review.targetDate());
                changeTargetDate(before, review.targetDate(), new TargetDates.Request(by, now(), Objects.requireNonNullElse(
                        review.boardComment(), "Extended by the board on an escalation: " + escalation.summary())), by, changes);
                recommendations.dateRiskDecided(before.id());
            }
            case REASSIGN -> {
                requireOwner(before, review.escalationAction());
                requireOrganisation("ownerGroup", review.ownerGroup());
                changeOwner(before, review.ownerGroup(), null, changes);
            }
            case DIRECT, NOTE -> {
                // recorded below: a direction is the board's comment to the owner or addressee
            }
        }
        escalations.markReviewed(escalationId);
        decisions.insert(before.id(), DecisionKind.ESCALATION_REVIEW, review.escalationAction(), review.boardComment(), escalationId,
                changes, by, now());
        // the addressee whose response was overdue, or the owner the escalation was about (before any reassignment)
        String told = escalation.reason() == EscalationReason.RESPONSE_OVERDUE ? escalation.subject() : before.ownerGroup();
        tell(before.id(), told, "The board's action on an escalation: "
                + review.escalationAction().name().toLowerCase(Locale.UK),
                escalation.summary() + "." + describe(changes) + comment(review.boardComment()));
        if (review.escalationAction() == EscalationAction.REASSIGN) {
            tell(before.id(), "Your organisation now owns this recommendation", "The board reassigned it." + comment(review.boardComment()));
        }
    }

    /** The board's answer to the owner's latest request for a later target date. */
    @Transactional
    public void decideExtension(long recommendationId, ExtensionDecision decision, String boardComment, String by) {
        requireDecision("boardDecision", decision, "APPROVE or REJECT");
        if (decision == ExtensionDecision.REJECT) {
            requireComment(boardComment, "the owner needs the board's reasons for a refusal");
        }
        Recommendation before = recommendations.get(recommendationId);
        recommendations.claimChange(before);
        List<Change> changes = new ArrayList<>();
        if (decision == ExtensionDecision.APPROVE) {
            ProgressUpdate request = recommendations.latestProgressUpdate(recommendationId)
                    .filter(update -> update.proposedTargetDate() != null)
                    .orElseThrow(() -> new InvalidInputException("boardDecision", "there is no extension request to approve"));
            changeTargetDate(before, request.proposedTargetDate(),
                    new TargetDates.Request(request.submittedBy(), request.submittedAt(), request.publicUpdate()), by, changes);
        }
        recommendations.dateRiskDecided(recommendationId);
        decisions.insert(recommendationId, DecisionKind.EXTENSION, decision, boardComment, null, changes, by, now());
        tell(recommendationId, decision == ExtensionDecision.APPROVE ? "Extension approved" : "Extension refused",
                describe(changes) + comment(boardComment));
    }

    /**
     * The board's sign-off of a proposed closure. Approval closes the recommendation with the
     * proposed status; a returned non-acceptance goes back to the addressees, any other returned
     * proposal back to the owner.
     */
    @Transactional
    public void signOffClosure(long recommendationId, RecommendationStatus proposedClosure, ClosureDecision decision,
                               String boardComment, String by) {
        requireDecision("boardDecision", decision, "APPROVE or RETURN");
        requireComment(boardComment, "every closure decision is recorded with its reasons");
        Recommendation before = recommendations.get(recommendationId);
        recommendations.claimChange(before);
        List<Change> changes = new ArrayList<>();
        if (decision == ClosureDecision.APPROVE) {
            changeStatus(before, proposedClosure, changes);
        } else if (proposedClosure == RecommendationStatus.NOT_ACCEPTED) {
            recommendations.askAddresseesAgain(recommendationId);
            Recommendation after = recommendations.get(recommendationId);
            addChange(changes, "status", before.status(), after.status());
            addChange(changes, "responseRound", before.responseRound(), after.responseRound());
            addChange(changes, "responseDueOn", before.responseDueOn(), after.responseDueOn());
        } else {
            changeStatus(before, RecommendationStatus.IN_PROGRESS, changes);
        }
        decisions.insert(recommendationId, DecisionKind.CLOSURE_SIGN_OFF, decision, boardComment, null, changes, by, now());
        recommendations.stepFinished(recommendationId, LifecycleStep.SIGN_OFF);
        tell(recommendationId, decision == ClosureDecision.APPROVE ? "Closure approved: " + proposedClosure.label().toLowerCase(Locale.UK) : "Closure returned",
                describe(changes) + comment(boardComment));
    }

    @Transactional
    public void checkAssurance(long recommendationId, AssuranceResult result, String boardComment, String by) {
        requireDecision("assuranceResult", result, "CONFIRMED or REOPEN");
        if (result == AssuranceResult.REOPEN) {
            requireComment(boardComment, "the owner needs to know why the closure did not hold");
        }
        Recommendation before = recommendations.get(recommendationId);
        recommendations.claimChange(before);
        List<Change> changes = new ArrayList<>();
        if (result == AssuranceResult.REOPEN) {
            changeStatus(before, RecommendationStatus.IN_PROGRESS, changes);
        }
        decisions.insert(recommendationId, DecisionKind.ASSURANCE_CHECK, result, boardComment, null, changes, by, now());
        tell(recommendationId, result == AssuranceResult.CONFIRMED ? "Closure confirmed a year on" : "Recommendation reopened",
                describe(changes) + comment(boardComment));
    }

    /**
     * The secretariat moves the due date of an open task (a response or an update), always with
     * its reason: recorded in the recommendation's timeline as before and after.
     */
    @Transactional
    public void moveDueDate(long recommendationId, String task, LocalDate before, LocalDate after, String reason, String by) {
        if (after == null) {
            throw new InvalidInputException("dueOn", "is required: the new due date, written 2027-03-31");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: a due date moves only with its reason");
        }
        requireFuture("dueOn", after);
        List<Change> changes = new ArrayList<>();
        addChange(changes, Change.DUE_DATE_OF + task, before, after);
        decisions.insert(recommendationId, DecisionKind.DUE_DATE_CHANGE, DueDateMove.MOVED, reason.strip(), null, changes, by, now());
    }

    public List<Decision> list(long recommendationId) {
        return decisions.findByRecommendation(recommendationId);
    }

    /** Every decision taken from {@code from} until (not including) {@code until}. */
    public List<Decision> between(OffsetDateTime from, OffsetDateTime until) {
        return decisions.findBetween(from, until);
    }

    /** Tells the recommendation's owner of a decision, or its addressees while it has no owner. */
    private void tell(long recommendationId, String headline, String detail) {
        tell(recommendationId, null, headline, detail);
    }

    private void tell(long recommendationId, String group, String headline, String detail) {
        Recommendation recommendation = recommendations.get(recommendationId);
        List<String> groups = group != null ? List.of(group)
                : recommendation.ownerGroup() != null ? List.of(recommendation.ownerGroup()) : recommendation.addressees();
        notifications.toGroups(new Notice(NoticeKind.DECISION, recommendationId, headline, detail.strip(), null, null), groups);
    }

    private static String describe(List<Change> changes) {
        return changes.stream().map(change -> " " + change.inWords() + ".").reduce("", String::concat);
    }

    private static String comment(String boardComment) {
        return boardComment == null ? "" : " The comment: " + boardComment;
    }

    private void changeOwner(Recommendation before, String ownerGroup, String ownerUser, List<Change> changes) {
        recommendations.changeOwner(before.id(), ownerGroup, ownerUser);
        addChange(changes, "ownerGroup", before.ownerGroup(), ownerGroup);
        addChange(changes, "ownerUser", before.ownerUser(), ownerUser);
    }

    private void changeTargetDate(Recommendation before, LocalDate targetDate, TargetDates.Request asked, String agreedBy,
                                  List<Change> changes) {
        recommendations.changeTargetDate(before.id(), targetDate, asked, agreedBy);
        addChange(changes, "targetDate", before.targetDate(), targetDate);
    }

    private void changeStatus(Recommendation before, RecommendationStatus status, List<Change> changes) {
        recommendations.changeStatus(before.id(), status);
        addChange(changes, "status", before.status(), status);
    }

    private static void addChange(List<Change> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, Objects.toString(before, null), Objects.toString(after, null)));
        }
    }

    private void requireOrganisation(String field, String groupId) {
        if (!directory.organisationExists(groupId)) {
            throw new InvalidInputException(field, "no organisation with id " + groupId);
        }
    }

    private void requireFuture(String field, LocalDate date) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException(field, UkDates.DAY.format(date)
                    + " has passed: give a date from today on");
        }
    }

    private static void requireOwner(Recommendation recommendation, EscalationAction action) {
        if (recommendation.ownerGroup() == null) {
            throw new InvalidInputException("escalationAction", action
                    + " applies once an owner is assigned; for an overdue response choose DIRECT or NOTE");
        }
    }

    private static void requireDecision(String field, Enum<?> decision, String choices) {
        if (decision == null) {
            throw new InvalidInputException(field, "is required: " + choices);
        }
    }

    private static void requireComment(String boardComment, String why) {
        if (boardComment == null || boardComment.isBlank()) {
            throw new InvalidInputException("boardComment", "is required: " + why);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
