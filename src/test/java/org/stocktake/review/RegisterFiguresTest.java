package org.stocktake.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The dashboard's figures as the database counts them: each step timed as it finishes, and the
 * counts kept to the groups asked for. Organisation E's recommendation 1 is answered on day 10,
 * sent back by the board on day 20, answered again on day 26, assigned at that moment and signed
 * off closed on day 60; its recommendation 2 is assigned on day 30, before its only answer on day 57,
 * a day after the 56 a coroner's report allows.
 */
@StocktakeSpringTest
@OnBothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterFiguresTest {

    static final String REVIEW = Unique.reviewCode("FIGURES");
    static final String ORGANISATION = "figures-e";
    static final Instant REGISTERED = Instant.parse("2031-01-06T09:00:00Z");
    static final Set<RecommendationStatus> CLOSED = EnumSet.of(RecommendationStatus.RESOLVED);
    static final ResponseSubmission ACCEPTED = new ResponseSubmission(ResponseDecision.ACCEPTED, "We accept.", null);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReviewService reviews;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    RegisterFigures figures;

    @BeforeAll
    void arrange() {
        new People(HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD))
                .organisation(ORGANISATION, "Organisation E").organisation("figures-f", "Organisation F");
        on(0);
        reviews.create(new NewReview(REVIEW, "Figures review", ReviewKind.PFD_REPORT, LocalDate.of(2031, 1, 6)));
        long first = recommendations.register(REVIEW, new NewRecommendation("1", null, "First.", List.of(ORGANISATION))).id();
        long second = recommendations.register(REVIEW, new NewRecommendation("2", null, "Second.", List.of(ORGANISATION))).id();
        on(10);
        recommendations.recordResponse(first, ORGANISATION, ACCEPTED, "figures-e-lead");
        on(20);
        recommendations.stepFinished(first, LifecycleStep.SIGN_OFF);
        recommendations.askAddresseesAgain(first);
        on(26);
        recommendations.recordResponse(first, ORGANISATION, ACCEPTED, "figures-e-lead");
        recommendations.stepFinished(first, LifecycleStep.ASSIGNMENT);
        on(30);
        recommendations.stepFinished(second, LifecycleStep.ASSIGNMENT);
        on(57);
        recommendations.recordResponse(second, ORGANISATION, ACCEPTED, "figures-e-lead");
        on(60);
        recommendations.stepFinished(first, LifecycleStep.SIGN_OFF);
        recommendations.changeStatus(first, RecommendationStatus.RESOLVED);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void eachStepCountsFromItsStartAndASignOffOnlyToTheLatestOfAClosedRecommendation() {
        assertThat(figures.stepTimes(Optional.of(Set.of(ORGANISATION)), CLOSED, at(0))).containsExactly(
                // responses of 10, 6 and 57 days; assignments of 0 (at the answer) and 30 (before any answer) days
                new StepFigures(LifecycleStep.RESPONSE, 3, days(10), days(73) / 3),
                new StepFigures(LifecycleStep.ASSIGNMENT, 2, days(15), days(15)),
                new StepFigures(LifecycleStep.SIGN_OFF, 1, days(60), days(60)));
    }

    @Test
    void countsStayWithinTheGroupsAskedFor() {
        assertThat(figures.stepTimes(Optional.of(Set.of("figures-f")), CLOSED, at(0))).extracting(StepFigures::count).containsExactly(0, 0, 0);
        assertThat(figures.byReviewAndStatus(Optional.of(Set.of("figures-f")))).isEmpty();
        assertThat(figures.byReviewAndStatus(Optional.of(Set.of(ORGANISATION)))).extracting(RegisterFigures.StatusCount::status)
                .containsExactlyInAnyOrder(RecommendationStatus.RESOLVED, RecommendationStatus.AWAITING_RESPONSE);
        assertThat(figures.byReviewAndStatus(Optional.empty())).filteredOn(count -> count.reviewCode().equals(REVIEW))
                .extracting(RegisterFigures.StatusCount::count).containsExactlyInAnyOrder(1, 1);
        assertThat(figures.responsesByReview(Optional.of(Set.of(ORGANISATION)), ZoneId.of("Europe/London")))
                .containsExactly(new RegisterFigures.ResponseCount(REVIEW, "Figures review", 2, 3));
    }

    @Test
    void onlyStepsFinishedSinceTheMomentAskedForCount() {
        assertThat(figures.stepTimes(Optional.of(Set.of(ORGANISATION)), CLOSED, at(27))).containsExactly(
                // the answer on day 57, the assignment on day 30 and the sign-off on day 60
                new StepFigures(LifecycleStep.RESPONSE, 1, days(57), days(57)),
                new StepFigures(LifecycleStep.ASSIGNMENT, 1, days(30), days(30)),
                new StepFigures(LifecycleStep.SIGN_OFF, 1, days(60), days(60)));
    }

    private static void on(int day) {
        ClockUtil.setCurrentTime(Date.from(REGISTERED.plus(Duration.ofDays(day))));
    }

    private static OffsetDateTime at(int day) {
        return REGISTERED.plus(Duration.ofDays(day)).atOffset(ZoneOffset.UTC);
    }

    private static double days(int days) {
        return Duration.ofDays(days).toSeconds();
    }
}
