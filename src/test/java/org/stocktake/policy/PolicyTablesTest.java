package org.stocktake.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the escalation and assurance tables, each reached by at least one case, and the
 * class checks at the end that none was left out.
 */
class PolicyTablesTest {

    static final Set<String> matchedRules = new HashSet<>();
    static DmnEngine dmn;
    static DmnDecision escalation;
    static DmnDecision assurance;

    @BeforeAll
    static void parseTables() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
            }
        }));
        dmn = configuration.buildEngine();
        escalation = dmn.parseDecision("EscalationPolicy", resource("bpmn/escalation-policy.dmn"));
        assurance = dmn.parseDecision("AssurancePolicy", resource("bpmn/assurance-policy.dmn"));
    }

    @ParameterizedTest(name = "{0} on a {1} review, {2} days overdue, escalated {3} times before → board {4}, secretariat {5}, {6}")
    @CsvSource({
            "RESPONSE_OVERDUE, PFD_REPORT,      0, 0, true,  true,  HIGH",
            "RESPONSE_OVERDUE, REVIEW,         14, 0, true,  true,  MEDIUM",
            "RESPONSE_OVERDUE, INSPECTION,      3, 5, false, true,  LOW",
            "UPDATE_OVERDUE,   REVIEW,          0, 2, true,  true,  HIGH",
            "UPDATE_OVERDUE,   PFD_REPORT,      7, 0, true,  false, MEDIUM",
            "UPDATE_OVERDUE,   INQUIRY,         6, 1, false, false, LOW",
            "RED_RATING,       PFD_REPORT,      0, 0, true,  true,  HIGH",
            "RED_RATING,       LEARNING_REVIEW, 0, 3, true,  true,  HIGH",
            "RED_RATING,       REVIEW,          0, 1, true,  false, MEDIUM"})
    void escalation(String reason, String reviewKind, int daysOverdue, int timesEscalated,
                    boolean escalateToBoard, boolean notifySecretariat, String severity) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(escalation, Map.of("reason", reason, "reviewKind", reviewKind,
                "daysOverdue", daysOverdue, "timesEscalated", timesEscalated)).getSingleResult();

        assertThat(result.<Boolean>getEntry("escalateToBoard")).isEqualTo(escalateToBoard);
        assertThat(result.<Boolean>getEntry("notifySecretariat")).isEqualTo(notifySecretariat);
        assertThat(result.<String>getEntry("severity")).isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0} on a {1} review, sample {2} → checked {3} after {4}")
    @CsvSource({
            "RESOLVED_BY_OTHER_MEANS, REVIEW,     3, true,  P12M",
            "RESOLVED,                PFD_REPORT, 2, true,  P12M",
            "RESOLVED,                REVIEW,     0, true,  P12M",
            "RESOLVED,                REVIEW,     1, false, ''",
            "TRANSFERRED,             PFD_REPORT, 0, false, ''",
            "NOT_ACCEPTED,            REVIEW,     0, false, ''"})
    void assurance(String closureStatus, String reviewKind, int sample, boolean checkClosure, String checkAfter) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(assurance, Map.of("closureStatus", closureStatus,
                "reviewKind", reviewKind, "sample", sample)).getSingleResult();

        assertThat(result.<Boolean>getEntry("checkClosure")).isEqualTo(checkClosure);
        assertThat(result.<String>getEntry("checkAfter")).isEqualTo(checkAfter);
    }

    @AfterAll
    static void everyRuleWasReached() {
        Set<String> rules = new HashSet<>();
        for (DmnDecision decision : Set.of(escalation, assurance)) {
            ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()
                    .forEach(rule -> rules.add(rule.getId()));
        }
        assertThat(matchedRules).as("rules reached by the cases").containsExactlyInAnyOrderElementsOf(rules);
    }

    private static InputStream resource(String path) {
        return PolicyTablesTest.class.getClassLoader().getResourceAsStream(path);
    }
}
