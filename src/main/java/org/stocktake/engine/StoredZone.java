package org.stocktake.engine;

import java.time.Clock;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code stocktake.zone} what it was when the database was first used, on every node. The
 * engine stores its times (due dates, timers) without a zone and reads them in the JVM's, which
 * {@link EngineZone} sets from the setting: a node started in another zone would read every stored
 * time shifted by the difference, and fire timers an hour early. So the first start records the
 * zone among the engine's properties, and a later start in another zone stops, saying why.
 */
@Component
class StoredZone extends AbstractProcessEnginePlugin {

    static final String PROPERTY = EngineZone.SETTING;

    private final String zone;

    StoredZone(Clock clock) {
        this.zone = clock.getZone().getId();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        String stored = management.getProperties().get(PROPERTY);
        if (stored == null) {
            stored = record(management);
        }
        if (!stored.equals(zone)) {
            throw new IllegalStateException(EngineZone.SETTING + " is " + zone + ", but this database's times were written in "
                    + stored + ", the zone it was first used with: every stored due date would move by the difference. Start with "
                    + "STOCKTAKE_ZONE=" + stored + " (docs/operations.md, The time zone, says how to change it deliberately)");
        }
    }

    /** Records this node's zone; a node starting at the same moment on a new database may have recorded its own first. */
    private String record(ManagementService management) {
        try {
            management.setProperty(PROPERTY, zone);
            return zone;
        } catch (ProcessEngineException recordedByAnother) {
            return management.getProperties().get(PROPERTY);
        }
    }
}
