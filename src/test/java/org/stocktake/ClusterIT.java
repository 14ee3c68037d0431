package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.AppNode;
import org.stocktake.support.HttpActor;
import org.stocktake.support.ImportFiles;
import org.stocktake.support.People;
import org.yaml.snakeyaml.Yaml;

/**
 * Two nodes of the packaged application sharing one PostgreSQL database, each with its job
 * executor on, as Camunda 7 clusters. Thousands of reminders fall due at once; one node is killed
 * with SIGKILL while they are being sent; the other finishes them. Counted in our tables, every
 * reminder is recorded exactly once with one message in the outbox, no incident is left, every
 * process matches its recommendation, and both nodes answer the same. (Mail is left out: the
 * outbox's delivery after a crash is MailDeliveryTest's.)
 */
class ClusterIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterIT.class);

    static final int RECOMMENDATIONS = 1000;
    static final String REVIEW = "CLUSTER-2026";
    static final String ADMIN = "cluster-admin";
    static final String ADMIN_PASSWORD = "cluster-admin-password";
    static final String REMINDER_TIMER = "BoundaryEvent_ResponseReminderDue";
    /** Short, so the survivor takes over the dead node's locked jobs within the test. */
    static final Duration JOB_LOCK = Duration.ofSeconds(8);
    static final List<String> CLUSTER_VARIABLES = List.of("SPRING_PROFILES_ACTIVE", "STOCKTAKE_DB_URL", "STOCKTAKE_DB_USER",
            "STOCKTAKE_DB_PASSWORD", "STOCKTAKE_ADMIN_USER", "STOCKTAKE_ADMIN_PASSWORD", "STOCKTAKE_NODE_NAME",
            "STOCKTAKE_JOB_LOCK_MILLIS", "STOCKTAKE_JOB_WAIT_MILLIS", "STOCKTAKE_JOB_MAX_WAIT_MILLIS");
    static final Duration START_PATIENCE = Duration.ofMinutes(3);
    static final Duration DRAIN_PATIENCE = Duration.ofMinutes(5);

    @Test
    void aNodeKilledWhileRemindersAreSentLeavesTheSurvivorToSendEachExactlyOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient db = JdbcClient.create(postgres.getPostgresDatabase());
            Path logs = Path.of("target", "cluster-it");
            try (AppNode node1 = AppNode.of("node1", environment(postgres, "node1"), logs);
                 AppNode node2 = AppNode.of("node2", environment(postgres, "node2"), logs)) {
                // one after the other, as the compose file starts them: the first creates the schema
                node1.start(START_PATIENCE);
                node2.start(START_PATIENCE);
                log.info("node1 (pid {}) at {} and node2 (pid {}) at {} share {}", node1.pid(), node1.baseUrl(), node2.pid(),
                        node2.baseUrl(), postgres.getJdbcUrl("postgres", "postgres"));

                new People(HttpActor.as(node1.http(), ADMIN, ADMIN_PASSWORD))
                        .organisation("lfb", "London Fire Brigade").user("lfb-lead", "lfb").user("sec-officer", "secretariat");
                ResponseEntity<Map<String, Object>> imported = HttpActor.as(node2.http(), "sec-officer", People.PASSWORD)
                        .postFile("/api/imports", ImportFiles.coronersReport(REVIEW, RECOMMENDATIONS, "lfb"), MediaType.parseMediaType("text/csv"));
                assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                assertThat(imported.getBody()).containsEntry("created", RECOMMENDATIONS);
                assertBothNodesAnswerAlike(node1, node2);

                int due = db.sql("""
                        update act_ru_job set duedate_ = now() - interval '1 second'
                        where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""").param(REMINDER_TIMER).update();
                assertThat(due).isEqualTo(RECOMMENDATIONS);
                Instant dueAt = Instant.now();
                log.info("{} reminder timers made due at once", due);

                // node1 is killed at work: once it has run timers of its own (its first ones warm it up) and a quarter are recorded
                await("a quarter of the reminders recorded, some by node1").atMost(DRAIN_PATIENCE)
                        .until(() -> reminders(db) >= RECOMMENDATIONS / 4 && timersRunByEachNode(db).containsKey("node1"));
                long lockedAtKill = db.sql("select count(*) from act_ru_job where lock_owner_ is not null").query(Long.class).single();
                long recordedAtKill = reminders(db);
                node1.kill();
                log.info("KILL -9 node1 (pid {}): {} of {} reminders recorded, {} jobs locked by the executors", node1.pid(),
                        recordedAtKill, RECOMMENDATIONS, lockedAtKill);

                await("node2 to record every reminder").atMost(DRAIN_PATIENCE)
                        .until(() -> reminders(db) == RECOMMENDATIONS && dueReminderTimers(db) == 0);
                log.info("node2 finished the reminders {} s after they fell due", Duration.between(dueAt, Instant.now()).toSeconds());
                Map<String, Long> ranBy = timersRunByEachNode(db);
                log.info("reminder timers run by each node: {}", ranBy);
                assertThat(ranBy).containsOnlyKeys("node1", "node2");

                long recorded = reminders(db);
                long distinct = db.sql("""
                        select count(*) from (select distinct recommendation_id, kind, subject, due_at from reminder) reminded""")
                        .query(Long.class).single();
                log.info("reminders expected {}, recorded {}, duplicates {}", RECOMMENDATIONS, recorded, recorded - distinct);
                assertThat(recorded).isEqualTo(RECOMMENDATIONS);
                assertThat(recorded - distinct).isZero();
                assertThat(db.sql("select count(distinct recommendation_id) from reminder").query(Long.class).single())
                        .isEqualTo(RECOMMENDATIONS);

                Map<String, Long> outbox = db.sql("""
                        select count(*) messages, count(distinct message_id) distinct_ids, count(distinct recommendation_id) recommendations
                        from outbox_message where kind = 'REMINDER'""").query().singleRow().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> ((Number) entry.getValue()).longValue()));
                log.info("reminder messages in the outbox: {}", outbox);
                assertThat(outbox).containsEntry("messages", (long) RECOMMENDATIONS).containsEntry("distinct_ids", (long) RECOMMENDATIONS)
                        .containsEntry("recommendations", (long) RECOMMENDATIONS);

                assertThat(db.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents").isZero();
                assertEveryProcessMatchesItsRecommendation(db);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileGivesEachNodeTheVariablesTheClusterRunsOn() throws Exception {
        Map<String, Object> compose;
        try (var file = Files.newInputStream(Path.of("docker", "compose.yaml"))) {
            compose = new Yaml().load(file);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (String node : List.of("node1", "node2")) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(node)).get("environment");
            assertThat(environment).as(node).containsKeys(CLUSTER_VARIABLES.toArray(String[]::new)).containsEntry("STOCKTAKE_NODE_NAME", node);
        }
    }

    /** The environment variables each node is started with here, and in docker/compose.yaml. */
    private static Map<String, String> environment(EmbeddedPostgres postgres, String nodeName) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("STOCKTAKE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        environment.put("STOCKTAKE_DB_USER", "postgres");
        environment.put("STOCKTAKE_DB_PASSWORD", "postgres");
        environment.put("STOCKTAKE_ADMIN_USER", ADMIN);
        environment.put("STOCKTAKE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("STOCKTAKE_NODE_NAME", nodeName);
        environment.put("STOCKTAKE_JOB_LOCK_MILLIS", Long.toString(JOB_LOCK.toMillis()));
        environment.put("STOCKTAKE_JOB_WAIT_MILLIS", "500");
        environment.put("STOCKTAKE_JOB_MAX_WAIT_MILLIS", "2000");
        assertThat(environment.keySet()).containsExactlyInAnyOrderElementsOf(CLUSTER_VARIABLES);
        return environment;
    }

    private static long reminders(JdbcClient db) {
        return db.sql("select count(*) from reminder").query(Long.class).single();
    }

    /** The reminder timers each node ran to the end, by the node name the job log records. */
    private static Map<String, Long> timersRunByEachNode(JdbcClient db) {
        return db.sql("""
                select hostname_, count(*) from act_hi_job_log
                where act_id_ = ? and job_state_ = 2 group by hostname_""").param(REMINDER_TIMER)
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long dueReminderTimers(JdbcClient db) {
        return db.sql("""
                select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_
                where d.act_id_ = ? and j.duedate_ <= now()""").param(REMINDER_TIMER).query(Long.class).single();
    }

    /** Every recommendation awaits its response, and its process waits at the one response task with its next reminder ahead. */
    private static void assertEveryProcessMatchesItsRecommendation(JdbcClient db) {
        assertThat(db.sql("select status, count(*) from recommendation group by status")
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list())
                .containsExactly(Map.entry("AWAITING_RESPONSE", (long) RECOMMENDATIONS));
        long matching = db.sql("""
                select count(*) from recommendation r join review v on v.id = r.review_id
                where (select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                       where p.business_key_ = v.code || '/' || r.reference and t.task_def_key_ = 'Task_RecordResponse') = 1
                  and (select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_
                       join act_ru_execution p on p.id_ = j.process_instance_id_
                       where p.business_key_ = v.code || '/' || r.reference and d.act_id_ = ? and j.duedate_ > now()) = 1""")
                .param(REMINDER_TIMER).query(Long.class).single();
        assertThat(matching).as("recommendations whose process waits for the response with its next reminder ahead")
                .isEqualTo(RECOMMENDATIONS);
    }

    private static void assertBothNodesAnswerAlike(AppNode node1, AppNode node2) {
        List<HttpActor> admins = List.of(HttpActor.as(node1.http(), ADMIN, ADMIN_PASSWORD), HttpActor.as(node2.http(), ADMIN, ADMIN_PASSWORD));
        List<Map<String, Object>> answers = admins.stream().map(admin -> Map.<String, Object>of(
                "summary", Objects.requireNonNull(admin.get("/api/reviews/" + REVIEW + "/summary").getBody()),
                "responseTasks", Objects.requireNonNull(admin.get("/engine-rest/task/count?taskDefinitionKey=Task_RecordResponse").getBody()),
                "incidents", Objects.requireNonNull(admin.get("/engine-rest/incident/count").getBody()),
                "timeline", Objects.requireNonNull(admin.get("/api/recommendations/1/timeline").getBody()))).toList();
        assertThat(answers.get(0).get("responseTasks")).isEqualTo(Map.of("count", RECOMMENDATIONS));
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        log.info("{} and {} answer alike: {}", node1.name(), node2.name(), answers.get(0).get("summary"));
    }
}
