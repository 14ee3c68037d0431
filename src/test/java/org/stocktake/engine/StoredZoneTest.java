package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database's stored times are read in the zone they were written in, or the node does not start. */
class StoredZoneTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml").build();

    ProcessEngine processEngine;

    @AfterEach
    void forgetTheZone() {
        processEngine.getManagementService().deleteProperty(StoredZone.PROPERTY);
    }

    @Test
    void theFirstStartRecordsItsZoneAndALaterStartInAnotherStops() {
        startIn("Europe/London");
        assertThat(processEngine.getManagementService().getProperties()).containsEntry("stocktake.zone", "Europe/London");
        startIn("Europe/London");

        assertThatThrownBy(() -> startIn("UTC")).hasMessage("stocktake.zone is UTC, but this database's times were written in "
                + "Europe/London, the zone it was first used with: every stored due date would move by the difference. "
                + "Start with STOCKTAKE_ZONE=Europe/London (docs/operations.md, The time zone, says how to change it deliberately)");
        assertThat(processEngine.getManagementService().getProperties()).containsEntry("stocktake.zone", "Europe/London");
    }

    private void startIn(String zone) {
        new StoredZone(new EngineClock(ZoneId.of(zone))).postProcessEngineBuild(processEngine);
    }
}
