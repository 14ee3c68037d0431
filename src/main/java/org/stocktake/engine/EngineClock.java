package org.stocktake.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stocktake's one clock: the engine's ({@link ClockUtil}), so the records, the reports and the
 * notices keep the same time as the timers, and a test that moves the engine's clock moves
 * everything; in the zone of {@code stocktake.zone}, which gives "today" for due dates and quarters.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new EngineClock(otherZone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
