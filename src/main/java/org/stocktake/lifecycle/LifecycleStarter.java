package org.stocktake.lifecycle;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stocktake.imports.RecommendationImported;
import org.stocktake.review.RecommendationRegistered;

/**
 * Starts a recommendation's process in the transaction that registers or imports it: both happen
 * or neither does. An imported recommendation starts at the stage its file gives it; a closed one
 * starts at its end, so the engine's history holds a finished instance for it too.
 */
@Component
class LifecycleStarter {

    private final RuntimeService runtimeService;
    private final ReportingCalendar calendar;

    LifecycleStarter(RuntimeService runtimeService, ReportingCalendar calendar) {
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    @EventListener
    void start(RecommendationRegistered registered) {
        runtimeService.startProcessInstanceByKey(LifecycleModel.PROCESS_KEY, registered.businessKey(),
                Map.of(ProcessVariables.RECOMMENDATION_ID, registered.recommendationId()));
    }

    @EventListener
    void startAtItsStage(RecommendationImported imported) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.RECOMMENDATION_ID, imported.recommendationId());
        String firstActivity = switch (imported.status()) {
            case AWAITING_RESPONSE -> null;
            case AWAITING_ASSIGNMENT -> LifecycleModel.TASK_ASSIGN_OWNER;
            case IN_PROGRESS -> {
                variables.put(ProcessVariables.OWNER_GROUP, imported.ownerGroup());
                variables.put(ProcessVariables.OWNER_USER, null);
                variables.put(ProcessVariables.REPORTING_QUARTER, calendar.nextQuarter(imported.recommendationId(), null));
                yield LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE;
            }
            case RESOLVED, RESOLVED_BY_OTHER_MEANS, NOT_ACCEPTED, TRANSFERRED -> {
                variables.put(ProcessVariables.CLOSURE_PROPOSAL, imported.status().name());
                yield LifecycleModel.END_RECOMMENDATION_CLOSED;
            }
            case CLOSURE_PROPOSED -> throw new IllegalArgumentException(
                    imported.businessKey() + ": a proposed closure cannot be imported, only a decided one");
        };
        if (firstActivity == null) {
            runtimeService.startProcessInstanceByKey(LifecycleModel.PROCESS_KEY, imported.businessKey(), variables);
        } else {
            runtimeService.createProcessInstanceByKey(LifecycleModel.PROCESS_KEY)
                    .businessKey(imported.businessKey())
                    .setVariables(variables)
                    .startBeforeActivity(firstActivity)
                    .execute();
        }
    }
}
