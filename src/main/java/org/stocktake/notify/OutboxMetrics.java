package org.stocktake.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox for Prometheus: messages waiting to be sent, and those of them whose last try failed. */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("stocktake.outbox.waiting", this, metrics -> metrics.count("sent_at is null"))
                .description("Mails written and not yet accepted by the SMTP server").register(registry);
        Gauge.builder("stocktake.outbox.failing", this, metrics -> metrics.count("sent_at is null and last_error is not null"))
                .description("Mails waiting whose last try to send failed; tried again later").register(registry);
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from outbox_message where " + condition).query(Long.class).single();
    }
}
