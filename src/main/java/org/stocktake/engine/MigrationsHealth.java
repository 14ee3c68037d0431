package org.stocktake.engine;

import org.flywaydb.core.Flyway;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: Stocktake's tables are at the version this build expects, every Flyway migration applied. */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {

    private final Flyway flyway;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        var info = flyway.info();
        String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
        Health.Builder health = info.pending().length == 0 ? Health.up() : Health.down();
        return health.withDetail("version", current).withDetail("pending", info.pending().length).build();
    }
}
