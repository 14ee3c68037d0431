package org.stocktake.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario on one database: our operation against its baseline in the same run, each timed
 * over {@code count} operations, with the SQL statements and commits ours took per operation.
 * The ratio is the baseline's time over ours: 1 is as fast as the bare engine (or the plain
 * read), 0.5 twice as slow. {@code figures} holds what else the scenario measured, by name (a
 * read's p95, the size of the database's file afterwards).
 */
record Measurement(String scenario, String database, int count, String ours, Duration oursTime, String baseline,
                   Duration baselineTime, double statementsPerOperation, double commitsPerOperation, String note,
                   Map<String, Double> figures) {

    static final String P95_MILLIS = "p95Ms";
    static final String DATA_FILE_MIB = "dataFileMiB";

    Measurement {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    /** The same with one more figure. */
    Measurement with(String figure, double value) {
        Map<String, Double> more = new LinkedHashMap<>(figures);
        more.put(figure, value);
        return new Measurement(scenario, database, count, ours, oursTime, baseline, baselineTime, statementsPerOperation,
                commitsPerOperation, note, more);
    }

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
