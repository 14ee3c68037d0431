package org.stocktake.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Engine authorizations granted once: calling again changes nothing. */
public final class Grants {

    private Grants() {
    }

    /** Grants a permission on a resource to a group, or to everyone when the group is null. */
    public static void grantIfAbsent(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
                                     Permission permission) {
        AuthorizationQuery existing = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
        boolean granted = (groupId == null ? existing.authorizationType(AUTH_TYPE_GLOBAL) : existing.groupIdIn(groupId)).count() > 0;
        if (!granted) {
            grant(authorizations, groupId, resource, resourceId, permission);
        }
    }

    /** Grants a permission on a resource to a group, or to everyone when the group is null, knowing it has none yet. */
    public static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
                             Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(groupId == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
