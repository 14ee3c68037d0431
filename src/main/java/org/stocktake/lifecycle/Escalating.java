package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.oversight.Escalations;

/**
 * The model's escalation steps ({@code ${escalating.raise(execution, 'UPDATE_OVERDUE')}}): records
 * why the item goes to the board just before the escalation event is thrown, and leaves the
 * escalation's id for the board's task to pick up.
 */
@Component("escalating")
public class Escalating {

    private final Escalations escalations;

    Escalating(Escalations escalations) {
        this.escalations = escalations;
    }

    public void raise(DelegateExecution execution, String reason) {
        EscalationReason escalationReason = EscalationReason.valueOf(reason);
        String subject = (String) execution.getVariable(escalationReason == EscalationReason.RESPONSE_OVERDUE
                ? ProcessVariables.ADDRESSEE : ProcessVariables.REPORTING_QUARTER);
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        long escalationId = escalations.raise(recommendationId, escalationReason, subject);
        execution.getProcessInstance().setVariable(ProcessVariables.ESCALATION_ID, escalationId);
    }
}
