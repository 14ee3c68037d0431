package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Picks the quarter the owner reports on next (Plan next progress update). */
@Component("updatePlanner")
class UpdatePlanner implements JavaDelegate {

    private final ReportingCalendar calendar;

    UpdatePlanner(ReportingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String previous = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        execution.setVariable(ProcessVariables.REPORTING_QUARTER, calendar.nextQuarter(recommendationId, previous));
    }
}
