package org.stocktake.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for something other processes do (a job executor, a node's start), with a limit. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {
    }

    public static void until(String what, Duration patience, BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(patience);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("Gave up waiting for " + what + " after " + patience);
            }
            AppNode.sleep(POLL);
        }
    }
}
