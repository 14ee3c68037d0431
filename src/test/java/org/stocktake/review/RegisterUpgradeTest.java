package org.stocktake.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A register kept before version 12 of the schema, upgraded: the steps it had already taken are
 * timed as the dashboard timed them before (V12), and each recommendation names its latest update
 * (V13), on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterUpgradeTest {

    static final OffsetDateTime REGISTERED = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    Stream<Arguments> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres.getPostgresDatabase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void stepsAlreadyTakenAreTimedAndEachRecommendationNamesItsLatestUpdate(String database, DataSource dataSource) {
        migrate(dataSource, "11");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into review (id, code, title, kind, received_on, response_due_on, created_at) values (1, 'OLD', 'Old', 'REVIEW', ?, ?, ?)")
                .params(REGISTERED.toLocalDate(), REGISTERED.toLocalDate().plusDays(90), REGISTERED).update();
        for (long id : new long[] {1, 2, 3}) {
            jdbc.sql("""
                    insert into recommendation (id, review_id, reference, text, status, response_due_on, created_at, updated_at)
                    values (?, 1, ?, 'Text.', ?, ?, ?, ?)""")
                    .params(id, Long.toString(id), id == 1 ? "RESOLVED" : "IN_PROGRESS", REGISTERED.toLocalDate().plusDays(90), REGISTERED,
                            REGISTERED).update();
        }
        // 1: answered on day 10, sent back on day 20, answered on day 26 and assigned then, signed off on days 40 and 60
        response(jdbc, 1, 1, 10);
        decision(jdbc, 1, "CLOSURE_SIGN_OFF", 20);
        response(jdbc, 1, 2, 26);
        decision(jdbc, 1, "OWNER_ASSIGNMENT", 26);
        decision(jdbc, 1, "CLOSURE_SIGN_OFF", 40);
        decision(jdbc, 1, "CLOSURE_SIGN_OFF", 60);
        // 2: assigned on day 30, before its answer on day 40; two updates, the second imported
        decision(jdbc, 2, "OWNER_ASSIGNMENT", 30);
        response(jdbc, 2, 1, 40);
        jdbc.sql("insert into progress_update (id, recommendation_id, quarter, rag, public_update, proposal, submitted_by, submitted_at) "
                + "values (7, 2, '2026-Q1', 'RED', 'Late.', 'CONTINUE', 'lead', ?)").param(REGISTERED.plusDays(50)).update();
        jdbc.sql("insert into progress_update (id, recommendation_id, quarter, public_update, submitted_by, submitted_at, imported) "
                + "values (8, 2, '2026-Q2', 'From the old register.', 'admin', ?, true)").param(REGISTERED.plusDays(80)).update();
        // 3: the latest update rated amber
        jdbc.sql("insert into progress_update (id, recommendation_id, quarter, rag, public_update, proposal, submitted_by, submitted_at) "
                + "values (9, 3, '2026-Q1', 'AMBER', 'Slow.', 'CONTINUE', 'lead', ?)").param(REGISTERED.plusDays(70)).update();

        migrate(dataSource, null);

        assertThat(jdbc.sql("select recommendation_id, step, started_at, finished_at from step_time order by recommendation_id, step, finished_at")
                .query((row, n) -> tuple(row.getLong(1), row.getString(2), day(row.getObject(3, OffsetDateTime.class)),
                        day(row.getObject(4, OffsetDateTime.class)))).list())
                .containsExactly(tuple(1L, "ASSIGNMENT", 26L, 26L), tuple(1L, "RESPONSE", 0L, 10L), tuple(1L, "RESPONSE", 20L, 26L),
                        tuple(1L, "SIGN_OFF", 0L, 60L), tuple(2L, "ASSIGNMENT", 0L, 30L), tuple(2L, "RESPONSE", 0L, 40L));
        assertThat(jdbc.sql("select started_at, finished_at, seconds from step_time").query((row, n) -> Duration.between(
                row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)).toSeconds() - row.getLong(3)).list())
                .as("each step's seconds, its finish less its start").containsOnly(0L);
        assertThat(jdbc.sql("select id, latest_update_id, latest_rag, latest_update_at from recommendation order by id")
                .query((row, n) -> tuple(row.getLong(1), row.getObject(2), row.getString(3), row.getObject(4) == null ? null
                        : day(row.getObject(4, OffsetDateTime.class)))).list())
                .containsExactly(tuple(1L, null, null, null), tuple(2L, 8L, null, null), tuple(3L, 9L, "AMBER", 70L));
    }

    private static void migrate(DataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false);
        if (target != null) {
            configuration.target(target);
        }
        Flyway flyway = configuration.load();
        if (target != null) {
            flyway.clean();
        }
        flyway.migrate();
    }

    private static void response(JdbcClient jdbc, long recommendationId, int round, int day) {
        jdbc.sql("""
                insert into addressee_response (recommendation_id, response_round, addressee, decision, due_on, responded_by, responded_at)
                values (?, ?, 'org', 'ACCEPTED', ?, 'lead', ?)""")
                .params(recommendationId, round, REGISTERED.toLocalDate().plusDays(90), REGISTERED.plusDays(day)).update();
    }

    private static void decision(JdbcClient jdbc, long recommendationId, String kind, int day) {
        jdbc.sql("insert into decision (recommendation_id, kind, outcome, changes, decided_by, decided_at) values (?, ?, 'APPROVE', '[]', 'board', ?)")
                .params(recommendationId, kind, REGISTERED.plusDays(day)).update();
    }

    private static long day(OffsetDateTime at) {
        return Duration.between(REGISTERED, at).toDays();
    }
}
