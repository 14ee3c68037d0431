package org.stocktake.lifecycle;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ReviewKind;

/**
 * The decision tables the board's secretariat owns, {@code bpmn/escalation-policy.dmn} and
 * {@code bpmn/assurance-policy.dmn}, evaluated in their latest deployed version, so a new version
 * changes the next decision without a code change.
 */
@Component
class Policies {

    static final String ESCALATION_POLICY = "EscalationPolicy";
    static final String ASSURANCE_POLICY = "AssurancePolicy";

    private final DecisionService decisions;

    Policies(DecisionService decisions) {
        this.decisions = decisions;
    }

    record EscalationDecision(boolean escalateToBoard, boolean notifySecretariat, String severity) {
    }

    record AssuranceDecision(boolean checkClosure, String checkAfter) {
    }

    EscalationDecision escalation(EscalationReason reason, ReviewKind reviewKind, long daysOverdue, long timesEscalated) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ESCALATION_POLICY)
                .variables(Map.of("reason", reason.name(), "reviewKind", reviewKind.name(),
                        "daysOverdue", daysOverdue, "timesEscalated", timesEscalated))
                .evaluate().getSingleResult();
        return new EscalationDecision(result.getEntry("escalateToBoard"), result.getEntry("notifySecretariat"), result.getEntry("severity"));
    }

    /** A quarter of ordinary closures is sampled: those whose id is a multiple of 4. */
    AssuranceDecision assurance(RecommendationStatus closureStatus, ReviewKind reviewKind, long recommendationId) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ASSURANCE_POLICY)
                .variables(Map.of("closureStatus", closureStatus.name(), "reviewKind", reviewKind.name(),
                        "sample", recommendationId % 4))
                .evaluate().getSingleResult();
        return new AssuranceDecision(result.getEntry("checkClosure"), result.getEntry("checkAfter"));
    }
}
