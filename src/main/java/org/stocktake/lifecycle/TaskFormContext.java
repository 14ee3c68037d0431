package org.stocktake.lifecycle;

import static org.stocktake.lifecycle.ProcessVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.stocktake.oversight.EscalationService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;

/**
 * Puts what a person needs to see on a task's form when the task is created: the recommendation
 * itself and, per task, the facts the decision rests on. They are task-local variables, read from
 * our tables and gone with the task. Restricted notes are never copied here.
 */
@Component("taskFormContext")
class TaskFormContext implements TaskListener {

    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final EscalationService escalations;

    TaskFormContext(RecommendationService recommendations, ReviewService reviews, EscalationService escalations) {
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        Recommendation recommendation = recommendations.get((Long) task.getVariable(RECOMMENDATION_ID));
        Map<String, Object> shown = new HashMap<>();
        shown.put(RECOMMENDATION_REFERENCE, recommendation.businessKey());
        shown.put(REVIEW_TITLE, reviews.get(recommendation.reviewCode()).title());
        shown.put(RECOMMENDATION_TEXT, recommendation.text());
        switch (task.getTaskDefinitionKey()) {
            case LifecycleModel.TASK_RECORD_RESPONSE -> shown.put(RESPONSE_DUE_ON, recommendation.responseDueOn().toString());
            case LifecycleModel.TASK_ASSIGN_OWNER -> shown.put(RESPONSES_SUMMARY, responsesSummary(recommendation));
            case LifecycleModel.TASK_SIGN_OFF_CLOSURE -> {
                shown.put(RESPONSES_SUMMARY, responsesSummary(recommendation));
                putStanding(shown, recommendation);
            }
            case LifecycleModel.TASK_REVIEW_ESCALATION -> {
                shown.put(ESCALATION_SUMMARY, escalations.get((Long) task.getVariable(ESCALATION_ID)).summary());
                putStanding(shown, recommendation);
            }
            default -> putStanding(shown, recommendation);
        }
        task.setVariablesLocal(shown);
    }

    /** Owner, target date and the latest public update: what the owner and the board decide from. */
    private void putStanding(Map<String, Object> shown, Recommendation recommendation) {
        shown.put(CURRENT_OWNER, Objects.toString(recommendation.ownerGroup(), "none yet"));
        shown.put(CURRENT_TARGET_DATE, Objects.toString(recommendation.targetDate(), "none yet"));
        recommendations.latestProgressUpdate(recommendation.id()).ifPresent(update -> putLatestUpdate(shown, update));
    }

    private static void putLatestUpdate(Map<String, Object> shown, ProgressUpdate update) {
        shown.put(LATEST_PUBLIC_UPDATE, update.quarter() + (update.rag() != null ? " (" + update.rag() + ")" : "")
                + (update.imported() ? " (imported)" : "") + ": " + update.publicUpdate());
        shown.put(LATEST_EVIDENCE, Objects.toString(update.evidence(), "none given"));
        if (update.proposedTargetDate() != null) {
            shown.put(REQUESTED_TARGET_DATE, update.proposedTargetDate().toString());
        }
    }

    private String responsesSummary(Recommendation recommendation) {
        String responses = recommendations.responses(recommendation.id()).stream()
                .filter(response -> response.responseRound() == recommendation.responseRound())
                .map(response -> response.addressee() + ": " + response.decision()
                        + (response.responseText() != null ? " — " + response.responseText() : "")
                        + (response.rationale() != null ? " (reasons: " + response.rationale() + ")" : ""))
                .collect(Collectors.joining("\n"));
        // an imported recommendation arrives already accepted, without the responses behind it
        return responses.isEmpty() ? "none recorded in Stocktake" : responses;
    }
}
