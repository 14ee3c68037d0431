package org.stocktake.lifecycle;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.stocktake.oversight.EscalationReason;

/** What slipped, whose it is, when it was due, and the task still waiting for it. */
record Slip(String subject, String headline, String responsibleGroup, Date due, String taskId) {

    static Slip of(DelegateExecution execution, EscalationReason reason, ResponseRound responseRound, ReportingCalendar calendar) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
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
