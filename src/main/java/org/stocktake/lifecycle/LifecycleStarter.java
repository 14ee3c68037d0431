package org.stocktake.lifecycle;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stocktake.review.RecommendationRegistered;

/** Starts a recommendation's process in the transaction that registers it: both happen or neither does. */
@Component
class LifecycleStarter {

    private final RuntimeService runtimeService;

    LifecycleStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void start(RecommendationRegistered registered) {
        runtimeService.startProcessInstanceByKey(LifecycleModel.PROCESS_KEY, registered.businessKey(),
                Map.of(ProcessVariables.RECOMMENDATION_ID, registered.recommendationId()));
    }
}
