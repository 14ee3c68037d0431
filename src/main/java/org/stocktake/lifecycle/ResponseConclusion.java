package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;

/**
 * Concludes the response stage once every addressee has answered: accepted (wholly or in part)
 * by anyone, it awaits an owner; accepted by nobody, it goes to the board as a proposed closure.
 */
@Component("responseConclusion")
class ResponseConclusion implements JavaDelegate {

    private final RecommendationService recommendations;

    ResponseConclusion(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recommendationId = (Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID);
        boolean accepted = recommendations.acceptedInCurrentRound(recommendationId);
        execution.setVariable(ProcessVariables.ACCEPTED, accepted);
        if (accepted) {
            recommendations.changeStatus(recommendationId, RecommendationStatus.AWAITING_ASSIGNMENT);
        } else {
            recommendations.changeStatus(recommendationId, RecommendationStatus.CLOSURE_PROPOSED);
            execution.setVariable(ProcessVariables.CLOSURE_PROPOSAL, RecommendationStatus.NOT_ACCEPTED.name());
        }
    }
}
