package org.stocktake.benchmark;

import java.time.Duration;

/**
 * One scenario on one database: our operation against its baseline in the same run, each timed
 * over {@code count} operations, with the SQL statements and commits ours took per operation.
 * The ratio is the baseline's time over ours: 1 is as fast as the bare engine (or the plain
 * read), 0.5 twice as slow.
 */
record Measurement(String scenario, String database, int count, String ours, Duration oursTime, String baseline,
                   Duration baselineTime, double statementsPerOperation, double commitsPerOperation, String note) {

    double ratio() {
        return oursTime.isZero() ? 1 : (double) baselineTime.toNanos() / oursTime.toNanos();
    }

    double oursPerSecond() {
        return perSecond(oursTime);
    }

    double baselinePerSecond() {
        return perSecond(baselineTime);
    }

    private double perSecond(Duration time) {
        return time.isZero() ? 0 : count * 1e9 / time.toNanos();
    }
}
