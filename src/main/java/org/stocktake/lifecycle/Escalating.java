package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.notify.Notice;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.Notifications;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.oversight.Escalations;
import org.stocktake.policy.Policies;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Roles;

/**
 * The model's steps for something that slipped ({@code ${escalating.handle(execution, 'UPDATE_OVERDUE')}}):
 * an overdue response or update, checked again every week while it stays overdue, or a red rating.
 * The escalation policy (DMN) decides whether the board is asked to act, whether the secretariat
 * is told, and how severe it is; the owner or addressee is always told of their own overdue item.
 * An escalation to the board is recorded, and its id left for the board's task; the gateway after
 * the step routes on {@code escalateToBoard}.
 */
@Component("escalating")
public class Escalating {

    private final Escalations escalations;
    private final Policies policies;
    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;
    private final Notifications notifications;
    private final Clock clock;

    Escalating(Escalations escalations, Policies policies, RecommendationService recommendations, ReviewService reviews,
               ResponseRound responseRound, ReportingCalendar calendar, Notifications notifications, Clock clock) {
        this.escalations = escalations;
        this.policies = policies;
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.responseRound = responseRound;
        this.calendar = calendar;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void handle(DelegateExecution execution, String reason) {
        EscalationReason escalationReason = EscalationReason.valueOf(reason);
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        Recommendation recommendation = recommendations.get(recommendationId);
        Slip slip = slip(execution, escalationReason, recommendationId);
        // calendar days in the clock's zone: due on 1 March, it is 4 days overdue on 5 March, whatever the hour
        long daysOverdue = slip.due() == null ? 0 : calendar.daysBetween(slip.due(), Date.from(clock.instant()));
        Policies.EscalationDecision decision = policies.escalation(escalationReason, reviews.get(recommendation.reviewCode()).kind(),
                daysOverdue, escalations.count(recommendationId));
        if (decision.escalateToBoard()) {
            long escalationId = escalations.raise(recommendationId, escalationReason, slip.subject(), decision.severity());
            execution.getProcessInstance().setVariable(ProcessVariables.ESCALATION_ID, escalationId);
        }
        execution.setVariableLocal(ProcessVariables.ESCALATE_TO_BOARD, decision.escalateToBoard());
        List<String> told = new ArrayList<>();
        if (slip.responsibleGroup() != null) {
            told.add(slip.responsibleGroup());
        }
        if (decision.notifySecretariat()) {
            told.add(Roles.SECRETARIAT);
        }
        String detail = (daysOverdue > 0 ? daysOverdue + " days overdue. " : "")
                + (decision.escalateToBoard() ? "The oversight board has been asked to act (severity " + decision.severity() + ")."
                : "It has not gone to the oversight board.");
        notifications.toGroups(new Notice(NoticeKind.OVERDUE, recommendationId, slip.headline(), detail, slip.taskId(),
                slip.due() == null ? null : slip.due().toInstant().atOffset(ZoneOffset.UTC)), told);
    }

    /** What slipped, whose it is, when it was due, and the task still waiting for it. */
    private record Slip(String subject, String headline, String responsibleGroup, Date due, String taskId) {
    }

    private Slip slip(DelegateExecution execution, EscalationReason reason, long recommendationId) {
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        return switch (reason) {
            case RESPONSE_OVERDUE -> {
                String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
                yield new Slip(addressee, "Response from " + addressee + " overdue", addressee, responseRound.deadline(recommendationId),
                        waitingTaskId(execution, LifecycleModel.TASK_RECORD_RESPONSE, addressee));
            }
            case UPDATE_OVERDUE -> {
                String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
                yield new Slip(quarter, "Progress update for " + quarter + " overdue", ownerGroup, calendar.dueAt(recommendationId, quarter),
                        waitingTaskId(execution, LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, ownerGroup));
            }
            case RED_RATING -> new Slip(quarter, "Progress update for " + quarter + " rated RED", null, null, null);
        };
    }

    private static String waitingTaskId(DelegateExecution execution, String taskKey, String group) {
        return TimedTask.of(execution, taskKey, group).map(Task::getId).orElse(null);
    }
}
