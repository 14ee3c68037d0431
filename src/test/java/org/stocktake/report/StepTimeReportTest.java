package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.oversight.Decision;
import org.stocktake.oversight.DecisionKind;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.report.StepTimeReport.Step;
import org.stocktake.report.StepTimeReport.StepTime;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ResponseTiming;

/** The three steps' times, from the register's records and the board's decisions. */
class StepTimeReportTest {

    static final OffsetDateTime REGISTERED = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    RecommendationService recommendations = mock(RecommendationService.class);
    OversightDecisionService decisions = mock(OversightDecisionService.class);
    StepTimeReport stepTimes = new StepTimeReport(recommendations, decisions);

    @Test
    void aResponseCountsFromItsRoundsOpeningAndAnAssignmentFromTheLastResponseAtOrBeforeIt() {
        // round 1 answered on day 10; the board sent it back on day 20; round 2 answered on day 26;
        // the owner assigned at the moment of that answer; the board's last sign-off on day 60
        when(recommendations.registeredAt()).thenReturn(Map.of(1L, REGISTERED, 2L, REGISTERED));
        when(recommendations.responseTimings()).thenReturn(List.of(
                new ResponseTiming(1, 1, null, day(10)), new ResponseTiming(1, 2, null, day(26)),
                new ResponseTiming(2, 1, null, day(3))));
        when(decisions.ofKind(DecisionKind.CLOSURE_SIGN_OFF)).thenReturn(List.of(
                decision(1, DecisionKind.CLOSURE_SIGN_OFF, day(20)), decision(1, DecisionKind.CLOSURE_SIGN_OFF, day(60)),
                decision(2, DecisionKind.CLOSURE_SIGN_OFF, day(90))));
        when(decisions.ofKind(DecisionKind.OWNER_ASSIGNMENT)).thenReturn(List.of(decision(1, DecisionKind.OWNER_ASSIGNMENT, day(26))));

        List<StepTime> taken = stepTimes.of(List.of(recommendation(1, "29")));

        assertThat(taken).containsExactlyInAnyOrder(
                new StepTime(Step.RESPONSE, "HARRIS-2016/29", Duration.ofDays(10)),
                new StepTime(Step.RESPONSE, "HARRIS-2016/29", Duration.ofDays(6)),
                new StepTime(Step.ASSIGNMENT, "HARRIS-2016/29", Duration.ZERO),
                new StepTime(Step.SIGN_OFF, "HARRIS-2016/29", Duration.ofDays(60)));
    }

    @Test
    void anAssignmentWithNoResponseBeforeItCountsFromTheRegistration() {
        when(recommendations.registeredAt()).thenReturn(Map.of(1L, REGISTERED));
        when(recommendations.responseTimings()).thenReturn(List.of(new ResponseTiming(1, 1, null, day(40))));
        when(decisions.ofKind(DecisionKind.OWNER_ASSIGNMENT)).thenReturn(List.of(decision(1, DecisionKind.OWNER_ASSIGNMENT, day(30))));

        assertThat(stepTimes.of(List.of(recommendation(1, "29")))).filteredOn(step -> step.step() == Step.ASSIGNMENT)
                .containsExactly(new StepTime(Step.ASSIGNMENT, "HARRIS-2016/29", Duration.ofDays(30)));
    }

    private static OffsetDateTime day(int days) {
        return REGISTERED.plusDays(days);
    }

    private static Decision decision(long recommendationId, DecisionKind kind, OffsetDateTime at) {
        return new Decision(at.toEpochSecond(), recommendationId, kind, "APPROVED", null, null, List.of(), "board", at);
    }

    private static Recommendation recommendation(long id, String reference) {
        return new Recommendation(id, "HARRIS-2016", reference, null, "Text.", RecommendationStatus.IN_PROGRESS, List.of("mps"),
                "mps", null, LocalDate.of(2027, 3, 31), null, BankHolidays.ENGLAND_AND_WALES, 1, 0);
    }
}
