package org.stocktake.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;
import org.stocktake.lifecycle.ProcessVariables;

/**
 * What the engine keeps in its history: everything history level full keeps (instances, tasks,
 * activities, the last value of each variable, and the operation log that Tasklist shows as a
 * task's history) except two things.
 * <ul>
 * <li>Restricted notes. The owner's restricted note is a form field, local to the update task and
 * gone when it completes, but the engine would keep it for good in its historic variables, where
 * anyone allowed to read the process's history could find it. Stocktake's own table keeps the
 * note, and shows it only to those entitled.</li>
 * <li>The detail of every variable change and submitted form field (ACT_HI_DETAIL). Our tables
 * record each response, update and decision with who made it and when, so that row per variable
 * was a copy nobody read: a registration wrote 13 of them, a progress update as many again. The
 * benchmark (BENCHMARKS.md, Optimisations) measured the difference.</li>
 * </ul>
 * The level stays full, so a database created before this keeps working unchanged.
 */
@Component
class EngineHistory extends AbstractProcessEnginePlugin {

    static final Set<String> RESTRICTED_FIELDS = Set.of(ProcessVariables.RESTRICTED_NOTE);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutDetailOrRestrictedFields());
    }

    static class WithoutDetailOrRestrictedFields extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            boolean restricted = event instanceof HistoricVariableUpdateEventEntity variable
                    && RESTRICTED_FIELDS.contains(variable.getVariableName());
            if (!restricted && !(event instanceof HistoricFormPropertyEventEntity)) {
                super.handleEvent(event);
            }
        }

        /** The historic variable instance is still written; only its change-by-change detail is not. */
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
