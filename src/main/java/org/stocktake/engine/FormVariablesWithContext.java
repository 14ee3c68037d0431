package org.stocktake.engine;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stocktake.lifecycle.FormContext;

/**
 * A task's form variables, as Tasklist asks for them when it shows a form (and as every door to
 * the engine's form service answers), are the engine's variables plus the task's {@link FormContext},
 * read from our tables as the form is shown. The engine checks that the caller may read the task
 * first; the context is added only to what it answered, and only the names asked for when the
 * caller names some.
 */
@Component
class FormVariablesWithContext extends AbstractProcessEnginePlugin {

    /** Looked up when a form is first shown: the context's services need the engine this configures. */
    private final ObjectProvider<FormContext> context;

    FormVariablesWithContext(ObjectProvider<FormContext> context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFormService(new FormServiceImpl() {
            @Override
            public VariableMap getTaskFormVariables(String taskId, Collection<String> names, boolean deserializeObjectValues) {
                return commandExecutor.execute(new WithContext(taskId, names, deserializeObjectValues, context.getObject()));
            }
        });
    }

    static final class WithContext extends GetTaskFormVariablesCmd {

        private final transient FormContext context;

        WithContext(String taskId, Collection<String> names, boolean deserializeObjectValues, FormContext context) {
            super(taskId, names, deserializeObjectValues);
            this.context = context;
        }

        @Override
        public VariableMap execute(CommandContext commandContext) {
            VariableMap variables = super.execute(commandContext);
            // the task is in the command's cache since the engine read it above
            TaskEntity task = commandContext.getTaskManager().findTaskById(resourceId);
            // read as the application: the caller may read the task, and the form shows what the
            // process gives it to show (every organisation to choose from), not what the caller
            // may list in the directory
            commandContext.disableAuthorizationCheck();
            Map<String, Object> shown;
            try {
                shown = context.shownOn(task);
            } finally {
                commandContext.enableAuthorizationCheck();
            }
            shown.forEach((name, value) -> {
                if (formVariableNames == null || formVariableNames.contains(name)) {
                    variables.putValue(name, value);
                }
            });
            return variables;
        }
    }
}
