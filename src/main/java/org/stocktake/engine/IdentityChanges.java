package org.stocktake.engine;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stocktake.security.VerifiedCredentials;

/**
 * Tells {@link VerifiedCredentials} when a user, a password or a membership changes, whichever
 * door the change came through (Camunda Admin, the engine REST API, the demo data), inside the
 * command that makes it, so the other nodes' signal commits with the change.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

    /** The engine's commands that change who someone is or what they belong to. */
    static final Set<Class<?>> CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class, CreateMembershipCmd.class,
            DeleteMembershipCmd.class, DeleteGroupCmd.class, CreateTenantUserMembershipCmd.class, DeleteTenantUserMembershipCmd.class,
            CreateTenantGroupMembershipCmd.class, DeleteTenantGroupMembershipCmd.class, DeleteTenantCmd.class);

    /** Looked up at the first change: it needs the database the engine is still being configured on. */
    private final ObjectProvider<VerifiedCredentials> verifiedCredentials;

    IdentityChanges(ObjectProvider<VerifiedCredentials> verifiedCredentials) {
        this.verifiedCredentials = verifiedCredentials;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // after the transaction and command context are opened, so the signal is part of the change's transaction
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor());
    }

    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (CHANGES.contains(command.getClass())) {
                verifiedCredentials.getObject().identityChanged();
            }
            return result;
        }
    }
}
