package org.stocktake.engine;

import org.flywaydb.core.Flyway;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: Stocktake's tables are at the version this build expects, every Flyway migration applied. */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {

    private final Flyway flyway;
    /** Flyway migrates only at start, so once all is applied it stays so: asked once, then kept (health is open to anyone). */
    private volatile Health migrated;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        if (migrated != null) {
            return migrated;
        }
        var info = flyway.info();
        String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
        Health health = (info.pending().length == 0 ? Health.up() : Health.down())
                .withDetail("version", current).withDetail("pending", info.pending().length).build();
        if (info.pending().length == 0) {
            migrated = health;
        }
        return health;
    }
}
