package org.stocktake.engine;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;
import org.stocktake.lifecycle.ProcessVariables;

/**
 * What the engine keeps in its history: what history level full keeps (instances, tasks,
 * activities, the last value of each process variable, and the operation log that Tasklist shows
 * as a task's history) except what is a copy of our tables or of nothing anyone reads.
 * <ul>
 * <li>What people submit on forms (ProcessVariables.SUBMITTED). Those fields are local to their
 * task and gone when it completes; our tables keep each response, update and decision with who
 * made it and when, and show restricted notes only to those entitled. A copy in the engine's
 * history would keep an organisation's words for good where anyone allowed to read the process's
 * history could find them.</li>
 * <li>The multi-instance counters the engine keeps per response round (ProcessVariables.ENGINE_COUNTERS).</li>
 * <li>The detail of every variable change and submitted form field (ACT_HI_DETAIL).</li>
 * <li>The job log's record of each timer and continuation created or deleted. What ran, on which
 * node (ClusterIT reads that), and what failed are kept.</li>
 * </ul>
 * Each was a statement per registration or update: the benchmark (BENCHMARKS.md, Optimisations)
 * measured the difference. The level stays full, so a database created before this keeps working;
 * rows it wrote before for these variables stay until history cleanup removes them.
 */
@Component
class EngineHistory extends AbstractProcessEnginePlugin {

    static final Set<String> NOT_KEPT = Stream.concat(ProcessVariables.SUBMITTED.stream(), ProcessVariables.ENGINE_COUNTERS.stream())
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutCopies());
    }

    static class WithoutCopies extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }

        private static boolean kept(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return !NOT_KEPT.contains(variable.getVariableName());
            }
            if (event instanceof HistoricJobLogEvent job) {
                return job.isSuccessLog() || job.isFailureLog();
            }
            return !(event instanceof HistoricFormPropertyEventEntity);
        }

        /** The historic variable instance is still written; only its change-by-change detail is not. */
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
