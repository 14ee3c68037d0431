package org.stocktake.lifecycle;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.stocktake.oversight.EscalationReason;

/** What slipped, whose it is, when it was due, and the key of the task that waits for it (none for a red rating). */
record Slip(String subject, String headline, String responsibleGroup, Date due, String taskKey) {

    static Slip of(DelegateExecution execution, EscalationReason reason, ResponseRound responseRound, ReportingCalendar calendar) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        String quarter = (String) execution.getVariable(ProcessVariables.REPORTING_QUARTER);
        return switch (reason) {
            case RESPONSE_OVERDUE -> {
                String addressee = (String) execution.getVariable(ProcessVariables.ADDRESSEE);
                yield new Slip(addressee, "Response from " + addressee + " overdue", addressee, responseRound.deadline(recommendationId),
                        LifecycleModel.TASK_RECORD_RESPONSE);
            }
            case UPDATE_OVERDUE -> {
                String ownerGroup = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
                yield new Slip(quarter, "Progress update for " + quarter + " overdue", ownerGroup, calendar.dueAt(recommendationId, quarter),
                        LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE);
            }
            case RED_RATING -> new Slip(quarter, "Progress update for " + quarter + " rated RED", null, null, null);
        };
    }

    /** The id of the task still waiting for what slipped, if there is one: a query, so asked only by whoever links to it. */
    String waitingTaskId(DelegateExecution execution) {
        return taskKey == null ? null : TimedTask.of(execution, taskKey, responsibleGroup).map(Task::getId).orElse(null);
    }
}
