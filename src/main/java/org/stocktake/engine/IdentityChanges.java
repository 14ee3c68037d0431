package org.stocktake.engine;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stocktake.security.VerifiedCredentials;

/**
 * Tells {@link VerifiedCredentials} when a user or a password changes, whichever door the change
 * came through (Camunda Admin, the engine REST API, the demo data), inside the command that makes
 * it, so the other nodes' signal commits with the change. Memberships need no telling: groups are
 * read at every sign-in.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

    /** The engine's commands that change a user or a password (saving a user saves its password). */
    static final Set<Class<?>> CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class);

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
