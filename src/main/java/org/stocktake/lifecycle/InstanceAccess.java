package org.stocktake.lifecycle;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.security.Grants;

/**
 * What an organisation may see of a recommendation's process instance: its addressees and its
 * owner may read it, and nobody else outside the roles. Their tasks they get from the engine,
 * as candidate groups. A new owner takes over the grant; an addressee keeps it.
 * Runs as the engine's custom code, which Camunda runs without the acting user's authorization
 * checks (authorizationEnabledForCustomCode is off): a board member reassigning an owner could not
 * grant anything themselves.
 */
@Component("instanceAccess")
public class InstanceAccess {

    private final RecommendationService recommendations;

    InstanceAccess(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    /** The process's start listener: the addressees, and an imported recommendation's owner. */
    public void grantAtStart(DelegateExecution execution) {
        Recommendation recommendation = recommendations.get((Long) execution.getVariable(ProcessVariables.RECOMMENDATION_ID));
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        // a new instance has no grants yet, so none is looked for: each group once, the owner perhaps an addressee too
        Set<String> groups = new LinkedHashSet<>(recommendation.addressees());
        String owner = (String) execution.getVariable(ProcessVariables.OWNER_GROUP);
        if (owner != null) {
            groups.add(owner);
        }
        groups.forEach(group -> Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
                Permissions.READ));
    }

    /** Hands the owner's grant from the previous owner (if any, and if not an addressee) to the new one. */
    void moveOwnerGrant(DelegateExecution processInstance, String newOwner) {
        Recommendation recommendation = recommendations.get((Long) processInstance.getVariable(ProcessVariables.RECOMMENDATION_ID));
        AuthorizationService authorizations = processInstance.getProcessEngineServices().getAuthorizationService();
        String processInstanceId = processInstance.getProcessInstanceId();
        String previousOwner = (String) processInstance.getVariable(ProcessVariables.OWNER_GROUP);
        if (previousOwner != null && !previousOwner.equals(newOwner) && !recommendation.addressees().contains(previousOwner)) {
            Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(previousOwner)
                    .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).singleResult();
            if (grant != null) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
        grant(authorizations, processInstanceId, newOwner);
    }

    private static void grant(AuthorizationService authorizations, String processInstanceId, String groupId) {
        Grants.grantIfAbsent(authorizations, Objects.requireNonNull(groupId), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }
}
