package org.stocktake.policy;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ReviewKind;

/**
 * The decision tables the board's secretariat owns, {@code bpmn/escalation-policy.dmn} and
 * {@code bpmn/assurance-policy.dmn}. The model's business rule tasks evaluate their latest
 * deployed version, so a new version changes the next decision without a code change. Each policy
 * also lists every case the process can put to it, so a new version is tried on all of them
 * before it is deployed, and says how its answer is read.
 */
public final class Policies {

    static final String ESCALATION_POLICY = "EscalationPolicy";
    static final String ASSURANCE_POLICY = "AssurancePolicy";

    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private static final List<Long> DAYS_OVERDUE = List.of(0L, 1L, 6L, 7L, 13L, 14L, 28L, 56L, 365L);
    private static final List<Long> TIMES_ESCALATED = List.of(0L, 1L, 2L, 3L, 10L);
    private static final List<RecommendationStatus> CLOSURES = List.of(RecommendationStatus.RESOLVED,
            RecommendationStatus.RESOLVED_BY_OTHER_MEANS, RecommendationStatus.NOT_ACCEPTED, RecommendationStatus.TRANSFERRED);

    private Policies() {
    }

    public record EscalationDecision(boolean escalateToBoard, boolean notifySecretariat, String severity) {

        public static EscalationDecision from(DmnDecisionResultEntries result) {
            EscalationDecision decision = new EscalationDecision(required(result, "escalateToBoard"),
                    required(result, "notifySecretariat"), result.getEntry("severity"));
            if (decision.escalateToBoard() && !SEVERITIES.contains(decision.severity())) {
                throw new IllegalStateException("severity must be one of " + SEVERITIES + " when escalating to the board, not "
                        + decision.severity());
            }
            return decision;
        }
    }

    record AssuranceDecision(boolean checkClosure, String checkAfter) {

        static AssuranceDecision from(DmnDecisionResultEntries result) {
            AssuranceDecision decision = new AssuranceDecision(required(result, "checkClosure"), result.getEntry("checkAfter"));
            if (decision.checkClosure()) {
                requireIsoDuration(decision.checkAfter());
            }
            return decision;
        }
    }

    /** One policy: its decision key, its file as shipped, and every case the process may ask it. */
    record Policy(String key, String resource, List<Map<String, Object>> cases, Function<DmnDecisionResultEntries, ?> reading) {
    }

    static final Policy ESCALATION = new Policy(ESCALATION_POLICY, "bpmn/escalation-policy.dmn", everyEscalationCase(),
            EscalationDecision::from);
    static final Policy ASSURANCE = new Policy(ASSURANCE_POLICY, "bpmn/assurance-policy.dmn", everyAssuranceCase(),
            AssuranceDecision::from);
    static final List<Policy> ALL = List.of(ESCALATION, ASSURANCE);

    private static Map<String, Object> escalationInputs(EscalationReason reason, ReviewKind reviewKind, long daysOverdue,
                                                        long timesEscalated) {
        return Map.of("reason", reason.name(), "reviewKind", reviewKind.name(), "daysOverdue", daysOverdue,
                "timesEscalated", timesEscalated);
    }

    private static Map<String, Object> assuranceInputs(RecommendationStatus closureStatus, ReviewKind reviewKind, long sample) {
        return Map.of("closureStatus", closureStatus.name(), "reviewKind", reviewKind.name(), "sample", sample);
    }

    private static List<Map<String, Object>> everyEscalationCase() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (EscalationReason reason : EscalationReason.values()) {
            for (ReviewKind kind : ReviewKind.values()) {
                for (long days : reason == EscalationReason.RED_RATING ? List.of(0L) : DAYS_OVERDUE) {
                    for (long times : TIMES_ESCALATED) {
                        cases.add(escalationInputs(reason, kind, days, times));
                    }
                }
            }
        }
        return List.copyOf(cases);
    }

    private static List<Map<String, Object>> everyAssuranceCase() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (RecommendationStatus closure : CLOSURES) {
            for (ReviewKind kind : ReviewKind.values()) {
                for (long sample = 0; sample < 4; sample++) {
                    cases.add(assuranceInputs(closure, kind, sample));
                }
            }
        }
        return List.copyOf(cases);
    }

    private static boolean required(DmnDecisionResultEntries result, String output) {
        if (result == null) {
            throw new IllegalStateException("no rule matches");
        }
        if (!(result.getEntry(output) instanceof Boolean value)) {
            throw new IllegalStateException(output + " must be true or false, not " + result.getEntry(output));
        }
        return value;
    }

    /** The timer waits this long: an ISO 8601 period or duration such as P12M or P30D. */
    private static void requireIsoDuration(String value) {
        if (value == null || !isIsoDuration(value)) {
            throw new IllegalStateException("checkAfter must be an ISO 8601 duration such as P12M, not " + value);
        }
    }

    private static boolean isIsoDuration(String value) {
        try {
            if (value.contains("T")) {
                Duration.parse(value);
            } else {
                Period.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
