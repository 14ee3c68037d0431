package org.stocktake.engine.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stocktake.security.Grants;
import org.stocktake.security.Roles;

/**
 * Creates the administrator named by {@link AdminSettings} at the first start: a member of
 * {@code camunda-admin}, which may do everything. An existing user is never touched, so changing
 * the variable later resets no password. With none named and none in the database, the start is
 * refused, since Camunda Admin's first-user setup would make whoever reaches it first the
 * administrator; {@code STOCKTAKE_ADMIN_FIRST_USER_SETUP=true} accepts that on purpose.
 */
@Component
class FirstAdministrator extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AdminSettings settings;

    FirstAdministrator(AdminSettings settings) {
        this.settings = settings;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identityService = engine.getIdentityService();
        if (settings.user() == null || settings.user().isBlank()) {
            requireAnAdministrator(identityService);
            return;
        }
        if (identityService.isReadOnly()) {
            log.warn("stocktake.admin.user is ignored: users come from a read-only directory (LDAP); "
                    + "name the administrators' group in stocktake.ldap.administrator-group instead");
            return;
        }
        if (settings.password() == null || settings.password().isBlank()) {
            throw new IllegalStateException("STOCKTAKE_ADMIN_USER is set but STOCKTAKE_ADMIN_PASSWORD is not: "
                    + "the first administrator needs a password, and Stocktake has no default one");
        }
        if (identityService.createUserQuery().userId(settings.user()).count() > 0) {
            return;
        }
        createAdministratorsGroup(identityService, engine.getAuthorizationService());
        User administrator = identityService.newUser(settings.user());
        administrator.setPassword(settings.password());
        administrator.setFirstName("Stocktake");
        administrator.setLastName("Administrator");
        identityService.saveUser(administrator);
        identityService.createMembership(settings.user(), Roles.CAMUNDA_ADMIN);
        log.info("Administrator {} created", settings.user());
    }

    /** Refuses to start a writable directory without an administrator, unless first-user setup is wanted. */
    private void requireAnAdministrator(IdentityService identityService) {
        if (identityService.isReadOnly() || identityService.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        if (!settings.firstUserSetup()) {
            throw new IllegalStateException("There is no administrator yet. Set STOCKTAKE_ADMIN_USER and STOCKTAKE_ADMIN_PASSWORD "
                    + "for the first start (the user is created once), or set STOCKTAKE_ADMIN_FIRST_USER_SETUP=true to create one in "
                    + "Camunda Admin's first-user setup, where whoever opens it first becomes the administrator.");
        }
        log.warn("There is no administrator yet, and Camunda Admin's first-user setup is open (STOCKTAKE_ADMIN_FIRST_USER_SETUP): "
                + "whoever opens /camunda/app/admin first becomes the administrator. Do it now.");
    }

    private static void createAdministratorsGroup(IdentityService identityService, AuthorizationService authorizations) {
        if (identityService.createGroupQuery().groupId(Roles.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Roles.CAMUNDA_ADMIN);
            group.setName("Administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        for (Resource resource : Resources.values()) {
            Grants.grantIfAbsent(authorizations, Roles.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
    }
}
