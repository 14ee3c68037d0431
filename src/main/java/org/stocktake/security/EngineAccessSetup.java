package org.stocktake.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * What every installation needs before anyone signs in, created once at engine start: the
 * secretariat and oversight-board groups, and the few global grants that let any user open
 * Tasklist and its filters. Which tasks a user sees stays with the task authorizations the engine
 * gives each task's candidate groups.
 */
@Component
class EngineAccessSetup extends AbstractProcessEnginePlugin {

    /** Tasklist is where every Stocktake user works. */
    static final String TASKLIST = "tasklist";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        createGroupIfAbsent(engine.getIdentityService(), Roles.SECRETARIAT, "Secretariat");
        createGroupIfAbsent(engine.getIdentityService(), Roles.OVERSIGHT_BOARD, "Oversight board");
        AuthorizationService authorizations = engine.getAuthorizationService();
        grantToEveryoneIfAbsent(authorizations, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grantToEveryoneIfAbsent(authorizations, Resources.FILTER, ANY, Permissions.READ);
    }

    private static void createGroupIfAbsent(IdentityService identityService, String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
        }
    }

    private static void grantToEveryoneIfAbsent(AuthorizationService authorizations, Resource resource, String resourceId, Permission permission) {
        boolean granted = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).count() > 0;
        if (!granted) {
            var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
