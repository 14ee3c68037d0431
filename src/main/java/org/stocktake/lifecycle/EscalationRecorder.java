package org.stocktake.lifecycle;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stocktake.notify.Notice;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.NotificationService;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.oversight.EscalationService;
import org.stocktake.policy.Policies;
import org.stocktake.security.Roles;

/**
 * Records what the escalation policy decided, as its business rule task ends: an escalation to
 * the board when the board is to act (its id left for the board's task), and the notices: the
 * owner or addressee is always told of their own overdue item, the secretariat when the policy
 * says so. It decides nothing; the gateway after the task routes on {@code escalateToBoard}.
 */
@Component("escalationRecorder")
public class EscalationRecorder implements ExecutionListener {

    /** The business rule task's input parameters, as the decision table names its inputs. */
    static final String REASON = "reason";
    static final String DAYS_OVERDUE = "daysOverdue";
    /** Where the engine leaves a business rule task's result for its output mapping and end listeners. */
    static final String DECISION_RESULT = "decisionResult";

    private final EscalationService escalations;
    private final ResponseRound responseRound;
    private final ReportingCalendar calendar;
    private final NotificationService notifications;

    EscalationRecorder(EscalationService escalations, ResponseRound responseRound, ReportingCalendar calendar, NotificationService notifications) {
        this.escalations = escalations;
        this.responseRound = responseRound;
        this.calendar = calendar;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        EscalationReason reason = EscalationReason.valueOf((String) execution.getVariableLocal(REASON));
        long daysOverdue = ((Number) execution.getVariableLocal(DAYS_OVERDUE)).longValue();
        Policies.EscalationDecision decision = Policies.EscalationDecision.from(
                ((DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT)).getSingleResult());
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        Slip slip = Slip.of(execution, reason, responseRound, calendar);
        if (decision.escalateToBoard()) {
            long escalationId = escalations.raise(recommendationId, reason, slip.subject(), decision.severity());
            execution.getProcessInstance().setVariable(ProcessVariables.ESCALATION_ID, escalationId);
        }
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
        notifications.toGroups(new Notice(NoticeKind.OVERDUE, recommendationId, slip.headline(), detail, slip.waitingTaskId(execution),
                slip.due() == null ? null : slip.due().toInstant().atOffset(ZoneOffset.UTC)), told);
    }
}
