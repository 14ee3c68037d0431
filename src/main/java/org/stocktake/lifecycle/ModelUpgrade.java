package org.stocktake.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running recommendations follow the model's newest version. A recommendation's process lives
 * for years, and a changed model is deployed as a new version beside the old; without this, every
 * instance would stay on the version it started with, and no fix would reach it. On start, after
 * the model is deployed, each older version's running instances are moved to the newest with
 * Camunda's migration API, by a plan of the activities the versions share plus {@link #MOVED}.
 * <p>
 * The plan is validated first: one that cannot be built is logged with its reasons, and nothing
 * of that version moves. An instance waiting at an activity the plan does not place (one the
 * newest version lacks, and {@link #MOVED} does not map) is listed at start and left where it is.
 * Each other instance then moves in its own batch job (Camunda's one invocation per job), run
 * by the job executors, so a cluster shares the work and an instance either moves whole or not
 * at all: one that cannot move stays where it is, and its failed job is an incident in Cockpit.
 * Of several nodes starting at once, the first to record the upgrade (an engine property, which
 * only one can insert, in the transaction that starts the batch) starts it. The target is the
 * newest version deployed, whoever deployed it: an administrator's deployment from Cockpit counts.
 * Moving skips listeners and input mappings, so an open task keeps its candidate groups and due
 * date as they were. docs/operations.md says how to write the next migration.
 */
@Component
public class ModelUpgrade {

    /**
     * What moved or was renamed between versions: an old activity id and the newest version's id
     * for it. Empty while the versions share their ids; add an entry when a change renames or
     * replaces a waiting point (a user task, a timer, a receive event), and a test beside it.
     */
    static final Map<String, String> MOVED = Map.of();
    static final String PROPERTY_PREFIX = "stocktake.model-upgrade.";

    private static final Logger log = LoggerFactory.getLogger(ModelUpgrade.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate transactions;

    ModelUpgrade(RepositoryService repository, RuntimeService runtime, ManagementService management, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * An older version's move: how many instances it moves, the batch moving them (null when none
     * can move), and the instances (or the plan) that cannot, in words.
     */
    public record Move(String from, String to, long instances, Batch batch, List<String> problems) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        moveToNewest();
    }

    /** Starts moving every older version's running instances to the newest version; one move per older version with any. */
    public List<Move> moveToNewest() {
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY)
                .latestVersion().singleResult();
        List<Move> moves = new ArrayList<>();
        if (newest == null) {
            return moves;
        }
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY)
                .orderByProcessDefinitionVersion().asc().list()) {
            long instances = older.getVersion() < newest.getVersion()
                    ? runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() : 0;
            if (instances > 0) {
                // the claim and the batch commit together: a node that dies between them leaves the move to the next start
                try {
                    Move move = transactions.execute(status -> claim(older, newest) ? move(older, newest, instances) : null);
                    if (move != null) {
                        moves.add(move);
                    }
                } catch (TransactionException claimedByAnother) {
                    log.info("Another node started moving version {} of the model to version {}", older.getVersion(), newest.getVersion());
                }
            }
        }
        return moves;
    }

    private Move move(ProcessDefinition older, ProcessDefinition newest, long instances) {
        MigrationPlanBuilder builder = runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().updateEventTriggers();
        MOVED.forEach(builder::mapActivities);
        MigrationPlan plan;
        try {
            plan = builder.build();
        } catch (MigrationPlanValidationException refused) {
            List<String> problems = new ArrayList<>();
            refused.getValidationReport().getInstructionReports().forEach(report -> problems.addAll(report.getFailures()));
            log.error("The {} running recommendations on version {} of the model cannot move to version {}, and stay where they are: {}."
                    + " Add what moved to ModelUpgrade.MOVED (docs/operations.md, Upgrading)", instances, older.getVersion(),
                    newest.getVersion(), problems.isEmpty() ? refused.getMessage() : problems);
            return new Move(older.getId(), newest.getId(), instances, null, problems);
        }
        // an instance waiting where the plan does not go cannot move: it is listed now and left out, rather than failing in its job
        Set<String> unplaced = repository.getBpmnModelInstance(older.getId()).getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).collect(Collectors.toCollection(HashSet::new));
        plan.getInstructions().forEach(instruction -> unplaced.remove(instruction.getSourceActivityId()));
        List<ProcessInstance> stuck = unplaced.isEmpty() ? List.of() : runtime.createProcessInstanceQuery()
                .processDefinitionId(older.getId()).activityIdIn(unplaced.toArray(String[]::new)).list();
        Set<String> stuckIds = stuck.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        List<String> problems = stuck.stream().map(instance -> instance.getBusinessKey() + " waits at "
                + runtime.getActiveActivityIds(instance.getId()) + ", which version " + newest.getVersion() + " does not have").toList();
        if (!problems.isEmpty()) {
            log.error("{} running recommendations on version {} of the model cannot move to version {}, and stay where they are: {}."
                    + " Add what moved to ModelUpgrade.MOVED (docs/operations.md, Upgrading)", problems.size(), older.getVersion(),
                    newest.getVersion(), problems);
        }
        List<String> movable = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
                .map(ProcessInstance::getId).filter(id -> !stuckIds.contains(id)).toList();
        if (movable.isEmpty()) {
            return new Move(older.getId(), newest.getId(), 0, null, problems);
        }
        Batch batch = runtime.newMigration(plan).processInstanceIds(movable).skipCustomListeners().skipIoMappings().executeAsync();
        log.info("Moving {} running recommendations from version {} of the model to version {} (batch {}); one that fails to move stays"
                + " where it is, as an incident in Cockpit", movable.size(), older.getVersion(), newest.getVersion(), batch.getId());
        return new Move(older.getId(), newest.getId(), movable.size(), batch, problems);
    }

    /** Whether this node is the one to start the move: the first to record it, of all nodes at any time. */
    private boolean claim(ProcessDefinition older, ProcessDefinition newest) {
        String property = PROPERTY_PREFIX + older.getVersion() + "-to-" + newest.getVersion();
        if (management.getProperties().containsKey(property)) {
            return false;
        }
        try {
            management.setProperty(property, older.getId() + " > " + newest.getId());
            return true;
        } catch (ProcessEngineException recordedByAnother) {
            return false;
        }
    }
}
