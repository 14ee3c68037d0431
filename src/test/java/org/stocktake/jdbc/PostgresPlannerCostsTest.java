package org.stocktake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresPlannerCostsTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void eachPostgresqlConnectionPlansForSolidStateStorage() {
        assertThat(randomPageCost(pool(new PostgresPlannerCosts("1.1")))).isEqualTo("1.1");
        assertThat(randomPageCost(pool(new PostgresPlannerCosts("2")))).isEqualTo("2");
    }

    @Test
    void emptyOrTheOperatorsOwnInitialStatementLeavesTheServersValue() {
        assertThat(randomPageCost(pool(new PostgresPlannerCosts("")))).isEqualTo("4");
        HikariDataSource own = postgresPool();
        own.setConnectionInitSql("select 1");
        assertThat(randomPageCost((HikariDataSource) new PostgresPlannerCosts("1.1").postProcessBeforeInitialization(own, "dataSource")))
                .isEqualTo("4");
    }

    @Test
    void h2IsLeftAlone() {
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:planner-costs");
        new PostgresPlannerCosts("1.1").postProcessBeforeInitialization(h2, "dataSource");
        assertThat(h2.getConnectionInitSql()).isNull();
        h2.close();
    }

    @Test
    void aValueThatIsNotASensibleCostStopsTheStartNamingTheProperty() {
        for (String refused : new String[] {"fast", "0", "-1", "1e-320", "1e300", "1; drop table review", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> new PostgresPlannerCosts(refused)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(PostgresPlannerCosts.PROPERTY).hasMessageContaining(refused);
        }
    }

    private static HikariDataSource pool(PostgresPlannerCosts costs) {
        return (HikariDataSource) costs.postProcessBeforeInitialization(postgresPool(), "dataSource");
    }

    private static HikariDataSource postgresPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        return pool;
    }

    private static String randomPageCost(HikariDataSource pool) {
        try (pool) {
            return JdbcClient.create(pool).sql("show random_page_cost").query(String.class).single();
        }
    }
}
