package org.stocktake.lifecycle;

import static org.stocktake.lifecycle.ProcessVariables.*;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.stocktake.calendar.UkDates;
import org.stocktake.oversight.EscalationService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;

/**
 * What a person needs to see on a task's form, and in Tasklist's list, read from our tables when
 * it is shown: the recommendation itself and, per task, the facts the decision rests on, in words:
 * organisations by name, dates as 31 March 2027, statuses and answers as every page says them.
 * Nothing of it is kept in the engine, which holds ids and routing values only, so what a form
 * shows is never older than the form. Restricted notes are never shown here.
 * <p>
 * Until December 2026 this was copied into task variables when each task was created: five to
 * nine variables per task, each with its history row: 10 of a registration's 65 statements
 * (BENCHMARKS.md, Optimisations).
 */
@Component
public class FormContext {

    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final EscalationService escalations;
    private final Directory directory;
    private final FormChoices choices;

    FormContext(RecommendationService recommendations, ReviewService reviews, EscalationService escalations, Directory directory,
                FormChoices choices) {
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.escalations = escalations;
        this.directory = directory;
        this.choices = choices;
    }

    /** What the form of an open task shows besides its own fields, by variable name, as the forms name them. */
    public Map<String, Object> shownOn(DelegateTask task) {
        Recommendation recommendation = recommendations.get((Long) task.getVariable(RECOMMENDATION_ID));
        Map<String, Object> shown = new HashMap<>();
        shown.put(RECOMMENDATION_REFERENCE, recommendation.businessKey());
        shown.put(REVIEW_TITLE, reviews.get(recommendation.reviewCode()).title());
        shown.put(RECOMMENDATION_TEXT, recommendation.text());
        switch (task.getTaskDefinitionKey()) {
            case LifecycleModel.TASK_RECORD_RESPONSE -> {
                shown.put(RESPONSE_DUE_ON, day(recommendation.responseDueOn()));
                shown.put(ADDRESSEE_NAME, name((String) task.getVariable(ADDRESSEE)));
            }
            case LifecycleModel.TASK_ASSIGN_OWNER -> {
                shown.put(RESPONSES_SUMMARY, responsesSummary(recommendation));
                shown.putAll(choices.of(recommendation));
            }
            case LifecycleModel.TASK_SIGN_OFF_CLOSURE -> {
                shown.put(RESPONSES_SUMMARY, responsesSummary(recommendation));
                shown.put(CLOSURE_PROPOSAL_IN_WORDS, RecommendationStatus.valueOf((String) task.getVariable(CLOSURE_PROPOSAL)).label());
                putStanding(shown, recommendation);
            }
            case LifecycleModel.TASK_REVIEW_ESCALATION -> {
                shown.put(ESCALATION_SUMMARY, escalations.get((Long) task.getVariable(ESCALATION_ID)).summary());
                shown.putAll(choices.of(recommendation));
                putStanding(shown, recommendation);
            }
            default -> putStanding(shown, recommendation);
        }
        return shown;
    }

    /**
     * The columns Tasklist's filters list beside each task (TasklistFilters): the recommendation's
     * reference, which is its process instance's business key, and its review's title. By business
     * key; a key that is no recommendation's has none.
     */
    public Map<String, Map<String, Object>> listed(Collection<String> businessKeys) {
        Map<String, String> titles = new HashMap<>();
        Map<String, Map<String, Object>> columns = new HashMap<>();
        for (String businessKey : businessKeys) {
            int slash = businessKey.indexOf('/');
            if (slash > 0) {
                String code = businessKey.substring(0, slash);
                String title = titles.computeIfAbsent(code, known -> reviews.find(known).map(Review::title).orElse(null));
                if (title != null) {
                    columns.put(businessKey, Map.of(RECOMMENDATION_REFERENCE, businessKey, REVIEW_TITLE, title));
                }
            }
        }
        return columns;
    }

    /** Owner, target date and the latest public update: what the owner and the board decide from. */
    private void putStanding(Map<String, Object> shown, Recommendation recommendation) {
        shown.put(CURRENT_OWNER, recommendation.ownerGroup() == null ? "none yet" : name(recommendation.ownerGroup()));
        shown.put(CURRENT_TARGET_DATE, recommendation.targetDate() == null ? "none yet" : day(recommendation.targetDate()));
        recommendations.latestProgressUpdate(recommendation.id()).ifPresent(update -> putLatestUpdate(shown, update));
    }

    private static void putLatestUpdate(Map<String, Object> shown, ProgressUpdate update) {
        shown.put(LATEST_PUBLIC_UPDATE, update.quarter() + (update.rag() != null ? " (" + update.rag().label() + ")" : "")
                + (update.imported() ? " (imported)" : "") + ": " + update.publicUpdate());
        shown.put(LATEST_EVIDENCE, Objects.toString(update.evidence(), "none given"));
        if (update.proposedTargetDate() != null) {
            shown.put(REQUESTED_TARGET_DATE, day(update.proposedTargetDate()));
        }
    }

    private String name(String organisation) {
        return directory.organisationNames(List.of(organisation)).get(organisation);
    }

    private static String day(LocalDate date) {
        return UkDates.DAY.format(date);
    }

    private String responsesSummary(Recommendation recommendation) {
        String responses = recommendations.responses(recommendation.id()).stream()
                .filter(response -> response.responseRound() == recommendation.responseRound())
                .map(response -> name(response.addressee()) + ": " + response.decision().label()
                        + (response.responseText() != null ? " — " + response.responseText() : "")
                        + (response.rationale() != null ? " (reasons: " + response.rationale() + ")" : ""))
                .collect(Collectors.joining("\n"));
        // an imported recommendation arrives already accepted, without the responses behind it
        return responses.isEmpty() ? "none recorded in Stocktake" : responses;
    }
}
