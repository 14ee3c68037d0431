package org.stocktake.imports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Imports for Prometheus: how many are running now, on any node. */
@Component
class ImportMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    ImportMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("stocktake.imports.running", this, metrics -> metrics.jdbc.sql("select count(*) from import_job where status = ?")
                        .param(ImportJob.Status.RUNNING.name()).query(Long.class).single())
                .description("Imports running now, on any node").register(registry);
    }
}
