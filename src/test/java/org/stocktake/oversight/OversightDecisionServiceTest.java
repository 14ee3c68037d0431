package org.stocktake.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ReviewKind;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.StocktakeSpringTest;

/** The rules of the secretariat's and the board's decisions, against the real tables. */
@StocktakeSpringTest
@OnBothDatabases
class OversightDecisionServiceTest {

    static final String REVIEW = "DECISIONS-TEST";
    static final AtomicInteger references = new AtomicInteger();

    @Autowired
    Validator validator;
    @Autowired
    OversightDecisionService decisions;
    @Autowired
    EscalationService escalations;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    ReviewService reviews;
    @Autowired
    Directory directory;
    @Autowired
    WorkingDays workingDays;

    LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        for (String organisation : List.of("dft", "tfl")) {
            if (!directory.organisationExists(organisation)) {
                directory.createOrganisation(organisation, organisation.toUpperCase());
            }
        }
        if (!directory.userExists("tfl-analyst")) {
            directory.createUser("tfl-analyst", "Tess", "Analyst", "tess@stocktake.example", "Correct-Horse-7", "tfl");
        }
        if (!reviews.exists(REVIEW)) {
            reviews.create(new NewReview(REVIEW, "Harris Review", ReviewKind.REVIEW, today));
        }
    }

    @Test
    void anAssignmentRecordsTheOwnerTargetAndWhatChanged() {
        long id = newRecommendation();

        decisions.assignOwner(id, new OwnerAssignment("tfl", "tfl-analyst", today.plusYears(1)), "sec");

        Recommendation assigned = recommendations.get(id);
        assertThat(assigned.status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(assigned.ownerGroup()).isEqualTo("tfl");
        assertThat(assigned.ownerUser()).isEqualTo("tfl-analyst");
        assertThat(assigned.targetDate()).isEqualTo(today.plusYears(1));
        Decision decision = decisions.list(id).get(0);
        assertThat(decision.kind()).isEqualTo(DecisionKind.OWNER_ASSIGNMENT);
        assertThat(decision.decidedBy()).isEqualTo("sec");
        assertThat(decision.changes()).containsExactly(
                new Change("ownerGroup", null, "tfl"),
                new Change("ownerUser", null, "tfl-analyst"),
                new Change("targetDate", null, today.plusYears(1).toString()),
                new Change("status", "AWAITING_RESPONSE", "IN_PROGRESS"));
    }

    @Test
    void anAssignmentToAnUnknownOrganisationOrAPersonOutsideItIsRefused() {
        long id = newRecommendation();

        assertRefused(() -> decisions.assignOwner(id, new OwnerAssignment("tfl-typo", null, today.plusYears(1)), "sec"), "ownerGroup");
        assertRefused(() -> decisions.assignOwner(id, new OwnerAssignment("dft", "tfl-analyst", today.plusYears(1)), "sec"), "ownerUser");
        assertRefused(() -> decisions.assignOwner(id, new OwnerAssignment("dft", null, today.minusDays(1)), "sec"), "targetDate");
        assertThat(validator.validate(new OwnerAssignment(" ", null, null))).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("ownerGroup", "targetDate");
        assertThat(recommendations.get(id).ownerGroup()).isNull();
        assertThat(decisions.list(id)).isEmpty();
    }

    @Test
    void anOverdueResponseCannotBeExtendedOrReassignedBeforeThereIsAnOwner() {
        long id = newRecommendation();
        long escalation = escalations.raise(id, EscalationReason.RESPONSE_OVERDUE, "dft", "LOW");

        assertRefused(() -> decisions.reviewEscalation(escalation,
                new EscalationReview(EscalationAction.REASSIGN, null, "tfl", null), "board"), "escalationAction");
        assertThat(validator.validate(new EscalationReview(EscalationAction.DIRECT, " ", null, null)))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("boardComment");

        decisions.reviewEscalation(escalation, new EscalationReview(EscalationAction.DIRECT, "Respond by Friday.", null, null), "board");

        assertThat(escalations.get(escalation).reviewedAt()).isNotNull();
        assertThat(decisions.list(id)).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo("DIRECT");
            assertThat(decision.escalationId()).isEqualTo(escalation);
            assertThat(decision.comment()).isEqualTo("Respond by Friday.");
        });
    }

    @Test
    void theBoardCanExtendOrReassignOnceThereIsAnOwner() {
        long id = assignedRecommendation();
        long overdue = escalations.raise(id, EscalationReason.UPDATE_OVERDUE, "2027-Q1", "MEDIUM");

        decisions.reviewEscalation(overdue, new EscalationReview(EscalationAction.EXTEND, null, null, today.plusYears(2)), "board");
        decisions.reviewEscalation(overdue, new EscalationReview(EscalationAction.REASSIGN, "DfT leads now.", "dft", null), "board");

        Recommendation changed = recommendations.get(id);
        assertThat(changed.targetDate()).isEqualTo(today.plusYears(2));
        assertThat(changed.ownerGroup()).isEqualTo("dft");
        assertThat(changed.ownerUser()).isNull();
        assertThat(decisions.list(id)).extracting(Decision::outcome).containsExactly("IN_PROGRESS", "EXTEND", "REASSIGN");
    }

    @Test
    void aRejectedExtensionNeedsReasonsAndAnApprovedOneMovesTheTargetDate() {
        long id = assignedRecommendation();

        assertRefused(() -> decisions.decideExtension(id, ExtensionDecision.REJECT, null, "board"), "boardComment");
        assertRefused(() -> decisions.decideExtension(id, ExtensionDecision.APPROVE, null, "board"), "boardDecision");
        assertRefused(() -> decisions.decideExtension(id, null, null, "board"), "boardDecision");
        assertThat(recommendations.get(id).targetDate()).isEqualTo(today.plusYears(1));
    }

    @Test
    void everyClosureDecisionNeedsTheBoardsReasons() {
        long id = assignedRecommendation();

        assertRefused(() -> decisions.signOffClosure(id, RecommendationStatus.RESOLVED, ClosureDecision.APPROVE, "  ", "board"), "boardComment");
        assertRefused(() -> decisions.signOffClosure(id, RecommendationStatus.RESOLVED, null, "Fine.", "board"), "boardDecision");

        decisions.signOffClosure(id, RecommendationStatus.RESOLVED, ClosureDecision.APPROVE, "Evidence seen.", "board");
        assertThat(recommendations.get(id).status()).isEqualTo(RecommendationStatus.RESOLVED);
    }

    @Test
    void aReturnedNonAcceptanceAsksTheAddresseesAgainWithANewDeadline() {
        long id = newRecommendation();
        Recommendation before = recommendations.get(id);

        decisions.signOffClosure(id, RecommendationStatus.NOT_ACCEPTED, ClosureDecision.RETURN, "Please reconsider.", "board");

        Recommendation after = recommendations.get(id);
        assertThat(after.status()).isEqualTo(RecommendationStatus.AWAITING_RESPONSE);
        assertThat(after.responseRound()).isEqualTo(before.responseRound() + 1);
        assertThat(after.responseDueOn()).isEqualTo(workingDays.onOrBefore(BankHolidays.ENGLAND_AND_WALES, today.plusDays(90)));
        assertThat(decisions.list(id)).singleElement().satisfies(decision -> assertThat(decision.changes())
                .contains(new Change("responseRound", "1", "2")));
    }

    @Test
    void reopeningAClosureNeedsReasonsAndPutsItBackInProgress() {
        long id = assignedRecommendation();
        decisions.signOffClosure(id, RecommendationStatus.RESOLVED_BY_OTHER_MEANS, ClosureDecision.APPROVE, "Met another way.", "board");

        assertRefused(() -> decisions.checkAssurance(id, AssuranceResult.REOPEN, null, "board"), "boardComment");
        decisions.checkAssurance(id, AssuranceResult.REOPEN, "Only two sites have it.", "board");

        assertThat(recommendations.get(id).status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(decisions.list(id)).last().satisfies(decision -> assertThat(decision.changes())
                .containsExactly(new Change("status", "RESOLVED_BY_OTHER_MEANS", "IN_PROGRESS")));
    }

    private long newRecommendation() {
        return recommendations.register(REVIEW, new NewRecommendation("D" + references.incrementAndGet(), null,
                "CCTV should be available on all underground and mainline trains.", List.of("dft"))).id();
    }

    private long assignedRecommendation() {
        long id = newRecommendation();
        decisions.assignOwner(id, new OwnerAssignment("tfl", null, today.plusYears(1)), "sec");
        return id;
    }

    private static void assertRefused(Runnable decision, String field) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.problems()).extracting(FieldProblem::field).contains(field));
    }
}
