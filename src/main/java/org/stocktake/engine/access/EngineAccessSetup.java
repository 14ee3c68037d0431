package org.stocktake.engine.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stocktake.security.Grants;
import org.stocktake.security.Roles;

/**
 * What every installation needs before anyone signs in, created once at engine start:
 * <ul>
 * <li>the role groups {@code secretariat}, {@code oversight-board} and {@code observer} (in a
 * read-only directory such as LDAP they must exist there);</li>
 * <li>for every user: Tasklist, filters of their own (the lifecycle's shared filters are granted
 * where they are created), and the lifecycle's model (the definition, not its instances);</li>
 * <li>for observers: every process instance and task, to read only.</li>
 * </ul>
 * Which tasks anyone else sees stays with the engine's task authorizations for candidate groups
 * (taken back when a group leaves a task: {@link RevokingAuthorizationProvider}), and the
 * per-instance grants the lifecycle gives addressees and owners, checked with each person's groups
 * as signed in ({@link GroupsAsSignedIn}).
 */
@Component
class EngineAccessSetup extends AbstractProcessEnginePlugin {

    /** Tasklist is where every Stocktake user works. */
    static final String TASKLIST = "tasklist";
    static final String LIFECYCLE_PROCESS_KEY = "RecommendationLifecycle";

    private static final Logger log = LoggerFactory.getLogger(EngineAccessSetup.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new RevokingAuthorizationProvider());
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new GroupsAsSignedIn());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identityService = engine.getIdentityService();
        createRoleGroup(identityService, Roles.SECRETARIAT, "Secretariat");
        createRoleGroup(identityService, Roles.OVERSIGHT_BOARD, "Oversight board");
        createRoleGroup(identityService, Roles.OBSERVER, "Observers");
        AuthorizationService authorizations = engine.getAuthorizationService();
        Grants.grantIfAbsent(authorizations, null, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        Grants.grantIfAbsent(authorizations, null, Resources.FILTER, ANY, Permissions.CREATE);
        Grants.grantIfAbsent(authorizations, null, Resources.PROCESS_DEFINITION, LIFECYCLE_PROCESS_KEY, Permissions.READ);
        Grants.grantIfAbsent(authorizations, Roles.OBSERVER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        Grants.grantIfAbsent(authorizations, Roles.OBSERVER, Resources.TASK, ANY, Permissions.READ);
    }

    private static void createRoleGroup(IdentityService identityService, String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        if (identityService.isReadOnly()) {
            log.warn("The group {} does not exist in the directory: create it there for the {} role", groupId, name);
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
    }
}
