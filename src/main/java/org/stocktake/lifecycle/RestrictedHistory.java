package org.stocktake.lifecycle;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps restricted notes out of the engine's history. The owner's restricted note is a form
 * field, local to the update task and gone when it completes, but at history level full the
 * engine would keep it for good in its historic variables and submitted form fields, where anyone
 * allowed to read the process's history could find it. Stocktake's own table keeps the note, and
 * shows it only to those entitled. Everything else is recorded as usual.
 */
@Component
class RestrictedHistory extends AbstractProcessEnginePlugin {

    static final Set<String> RESTRICTED_FIELDS = Set.of(ProcessVariables.RESTRICTED_NOTE);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutRestrictedFields());
    }

    static class WithoutRestrictedFields extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            boolean restricted = event instanceof HistoricVariableUpdateEventEntity variable
                    && RESTRICTED_FIELDS.contains(variable.getVariableName())
                    || event instanceof HistoricFormPropertyEventEntity formField
                    && RESTRICTED_FIELDS.contains(formField.getPropertyId());
            if (!restricted) {
                super.handleEvent(event);
            }
        }
    }
}
