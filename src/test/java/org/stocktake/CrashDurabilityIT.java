package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.h2.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;
import org.stocktake.backup.DatabaseCommands;
import org.stocktake.support.AppNode;
import org.stocktake.support.HttpActor;
import org.stocktake.support.ImportFiles;
import org.stocktake.support.People;

/**
 * The single node on its embedded H2 file, killed with SIGKILL in the middle of work and started
 * again on the same file: an import is wholly there or wholly absent, what was acknowledged is
 * kept, a quarter's reminders are each sent once, and every process matches our tables. One
 * node for the class, killed and started again by each test; each test counts only its own work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDurabilityIT {

    private static final Logger log = LoggerFactory.getLogger(CrashDurabilityIT.class);

    static final String ADMIN = "crash-admin";
    static final String ADMIN_PASSWORD = "crash-admin-password";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final Duration PATIENCE = Duration.ofMinutes(4);
    /** Rows of the import killed a third of the way through: enough that the kill lands while it runs. */
    static final int HALTED_IMPORT = 900;
    static final int ACKNOWLEDGED_IMPORT = 200;
    /** Rows of the import under way while a backup is taken. */
    static final int UNDER_WAY = 400;
    /** Update reminders due at once, the node killed a third of the way through them. */
    static final int REMINDER_BURST = 400;
    static final Path DIRECTORY = Path.of("target", "crash-it");
    static final String UPDATE_REMINDER = "BoundaryEvent_UpdateReminderDue";

    AppNode node;
    JdbcClient db;
    Map<String, String> environment;

    @BeforeAll
    void freshNode() throws IOException {
        FileSystemUtils.deleteRecursively(DIRECTORY);
        environment = new LinkedHashMap<>();
        environment.put("STOCKTAKE_ADMIN_USER", ADMIN);
        environment.put("STOCKTAKE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("STOCKTAKE_IMPORT_SILENT_AFTER", "5s");
        // the test reads the node's H2 file while it runs, through H2's own server
        environment.put("STOCKTAKE_H2_AUTO_SERVER", "TRUE");
        environment.put("STOCKTAKE_JOB_WAIT_MILLIS", "500");
        environment.put("STOCKTAKE_JOB_MAX_WAIT_MILLIS", "2000");
        // jobs the killed node held stay locked this long after its restart (a new executor, a new lock owner)
        environment.put("STOCKTAKE_JOB_LOCK_MILLIS", "8000");
        node = AppNode.of("node", environment, DIRECTORY).start(PATIENCE);
        db = database(DIRECTORY);
        new People(admin()).organisation("lfb", "London Fire Brigade").user("lfb-lead", "lfb").user("sec-officer", "secretariat");
    }

    @AfterAll
    void stopNode() {
        node.close();
    }

    @Test
    void anImportKilledHalfwayIsWhollyAbsentAndOneAcknowledgedIsWhollyThere() {
        long recommendationsBefore = count("select count(*) from recommendation");
        long processesBefore = count("select count(*) from act_hi_procinst");
        long messagesBefore = count("select count(*) from outbox_message");
        ResponseEntity<Map<String, Object>> accepted = secretariat().postFile("/api/imports?async=true", ImportFiles.coronersReport("CRASH-A", HALTED_IMPORT, "lfb"), CSV);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String job = accepted.getHeaders().getLocation().getPath();
        await("a third of the import").atMost(PATIENCE).until(() -> (Integer) secretariat().get(job).getBody().get("processed") >= HALTED_IMPORT / 3);
        Object processedAtKill = secretariat().get(job).getBody().get("processed");
        node.kill();
        log.info("KILL -9 the node (pid {}) with {} of {} rows of CRASH-A imported", node.pid(), processedAtKill, HALTED_IMPORT);

        node.start(PATIENCE);
        await("the import to be reported failed").atMost(PATIENCE).until(() -> "FAILED".equals(secretariat().get(job).getBody().get("status")));
        assertThat(secretariat().get(job).getBody()).containsEntry("processed", 0).containsEntry("failure",
                "The node running this import stopped before it finished; nothing of it was written. Import the file again.");
        assertThat(secretariat().get("/api/reviews/CRASH-A").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count("select count(*) from recommendation")).isEqualTo(recommendationsBefore);
        assertThat(count("select count(*) from act_hi_procinst")).isEqualTo(processesBefore);
        assertThat(count("select count(*) from outbox_message")).isEqualTo(messagesBefore);
        log.info("after restart: import {} FAILED, 0 recommendations, 0 processes, 0 messages", job);

        ResponseEntity<Map<String, Object>> imported = secretariat().postFile("/api/imports", ImportFiles.coronersReport("CRASH-B", ACKNOWLEDGED_IMPORT, "lfb"), CSV);
        assertThat(imported.getBody()).containsEntry("status", "COMPLETED").containsEntry("created", ACKNOWLEDGED_IMPORT);
        node.kill();
        log.info("KILL -9 the node (pid {}) as soon as the import of CRASH-B was acknowledged", node.pid());

        node.start(PATIENCE);
        assertThat(secretariat().get("/api/reviews/CRASH-B/summary").getBody()).containsEntry("total", ACKNOWLEDGED_IMPORT);
        assertThat(count("select count(*) from act_ru_task where task_def_key_ = 'Task_RecordResponse'")).isEqualTo(ACKNOWLEDGED_IMPORT);
        assertThat(count("""
                select count(distinct o.recommendation_id) from outbox_message o join recommendation r on r.id = o.recommendation_id
                join review v on v.id = r.review_id where o.kind = 'TASK_OPENED' and v.code = 'CRASH-B'""")).isEqualTo(ACKNOWLEDGED_IMPORT);
        log.info("after restart: CRASH-B has its {} recommendations, response tasks and task notices", ACKNOWLEDGED_IMPORT);
    }

    @Test
    void aQuartersBurstOfUpdateRemindersKilledHalfwayIsFinishedAfterRestartEachOnce() {
        int owned = REMINDER_BURST;
        // an owned recommendation comes in waiting for this quarter's update
        assertThat(secretariat().postFile("/api/imports", ImportFiles.inProgress("CRASH-Q", owned, "lfb"), CSV).getBody())
                .containsEntry("created", owned);
        assertThat(updateTasks()).isEqualTo(owned);

        int due = db.sql("""
                update act_ru_job set duedate_ = dateadd('SECOND', -1, current_timestamp)
                where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""").param(UPDATE_REMINDER).update();
        assertThat(due).isEqualTo(owned);
        await("a third of the reminders").atMost(PATIENCE).until(() -> reminders() >= owned / 3);
        long remindedAtKill = reminders();
        node.kill();
        log.info("KILL -9 the node (pid {}) with {} of {} update reminders recorded", node.pid(), remindedAtKill, owned);

        node.start(PATIENCE);
        await("every reminder").atMost(PATIENCE).until(() -> reminders() == owned && count("""
                select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_
                where d.act_id_ = '%s'""".formatted(UPDATE_REMINDER)) == 0);
        assertThat(count("select count(distinct recommendation_id) from reminder")).isEqualTo(owned);
        long messages = count("select count(*) from outbox_message where kind = 'REMINDER'");
        assertThat(messages).as("one reminder message per recommendation, none twice").isEqualTo(owned);
        assertThat(count("""
                select count(*) from recommendation r
                where r.status = 'IN_PROGRESS' and (select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                    where p.business_key_ = 'CRASH-Q/' || r.reference and t.task_def_key_ = 'Task_SubmitProgressUpdate') = 1"""))
                .as("recommendations in progress whose process still waits for exactly one update").isEqualTo(owned);
        assertThat(count("select count(*) from act_ru_incident")).isZero();
        log.info("after restart: {} reminders, one per recommendation, {} reminder messages, {} update tasks, 0 incidents",
                reminders(), messages, updateTasks());
    }

    /**
     * {@code java -jar stocktake.jar backup FILE} while the node works (a background import under
     * way), then {@code restore FILE} into a fresh directory and a node started on it: every
     * recommendation, open task, timer and evidence file committed before the backup is there, and
     * the import that was under way is there whole or not at all.
     */
    @Test
    void aBackupTakenMidWorkRestoresIntoAFreshDirectoryWithEverything() {
        assertThat(secretariat().postFile("/api/imports", ImportFiles.inProgress("BACKUP-A", 50, "lfb"), CSV).getBody())
                .containsEntry("created", 50);
        Object id = secretariat().getList("/api/recommendations?review=BACKUP-A").get(0).get("id");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(secretariat().upload("/api/recommendations/" + id + "/evidence", "report.pdf", pdf).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(secretariat().postFile("/api/imports?async=true", ImportFiles.coronersReport("BACKUP-B", UNDER_WAY, "lfb"), CSV)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Long> before = contents(db);

        Path backup = DIRECTORY.toAbsolutePath().resolve("stocktake-backup.zip");
        AppNode.CommandResult backedUp = AppNode.command(DIRECTORY, environment, "backup", backup.toString());
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("Backed up to " + backup);

        Path restored = Path.of("target", "crash-it-restored").toAbsolutePath();
        FileSystemUtils.deleteRecursively(restored.toFile());
        // restore is the same command; run here, in this JVM, against the fresh directory's database file
        String[] restore = {"restore", backup.toString(), "--spring.datasource.url=jdbc:h2:file:" + restored.resolve("data/stocktake")};
        assertThat(DatabaseCommands.run(restore, System.out, System.err)).isZero();
        ByteArrayOutputStream refusal = new ByteArrayOutputStream();
        assertThat(DatabaseCommands.run(restore, System.out, new PrintStream(refusal, true, StandardCharsets.UTF_8)))
                .as("a restore never overwrites a database").isEqualTo(1);
        assertThat(refusal.toString(StandardCharsets.UTF_8)).contains("exists: stop the application and move that file aside first");

        try (AppNode copy = AppNode.of("restored", environment, restored).start(PATIENCE)) {
            JdbcClient copied = database(restored);
            assertThat(contents(copied)).as("what was committed before the backup").isEqualTo(before);
            assertThat(count(copied, "select count(*) from recommendation r join review v on v.id = r.review_id where v.code = 'BACKUP-B'"))
                    .as("the import under way: whole or not at all").isIn(0L, (long) UNDER_WAY);
            HttpActor secretariatOfCopy = HttpActor.as(copy.http(), "sec-officer", People.PASSWORD);
            String file = "/api/recommendations/" + id + "/evidence/" + secretariatOfCopy.getList("/api/recommendations/" + id + "/evidence")
                    .get(0).get("id");
            assertThat(secretariatOfCopy.get(file + "/check").getBody()).containsEntry("intact", true);
            log.info("restored from {} into {}: {}", backup, restored, contents(copied));
        }
    }

    /** What a backup must hold, the import that may be under way left out: recommendations, open tasks, timers, evidence. */
    private static Map<String, Long> contents(JdbcClient database) {
        String notUnderWay = "not like 'BACKUP-B/%'";
        Map<String, Long> contents = new LinkedHashMap<>();
        contents.put("recommendations", count(database,
                "select count(*) from recommendation r join review v on v.id = r.review_id where v.code <> 'BACKUP-B'"));
        contents.put("open tasks", count(database, "select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
                + " where p.business_key_ " + notUnderWay));
        contents.put("timers", count(database, "select count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_"
                + " where j.type_ = 'timer' and p.business_key_ " + notUnderWay));
        contents.put("evidence files", count(database, "select count(*) from evidence_file"));
        contents.put("evidence bytes", count(database, "select coalesce(sum(size_bytes), 0) from evidence_file"));
        return contents;
    }

    private static JdbcClient database(Path directory) {
        // the application's own file (./data/stocktake under its directory), shared through H2's AUTO_SERVER
        return JdbcClient.create(new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("data/stocktake") + ";AUTO_SERVER=TRUE", "sa", ""));
    }

    private static long count(JdbcClient database, String sql) {
        return database.sql(sql).query(Long.class).single();
    }

    private long updateTasks() {
        return count("select count(*) from act_ru_task where task_def_key_ = 'Task_SubmitProgressUpdate'");
    }

    private long reminders() {
        return count("select count(*) from reminder");
    }

    private long count(String sql) {
        return count(db, sql);
    }

    private HttpActor admin() {
        return HttpActor.as(node.http(), ADMIN, ADMIN_PASSWORD);
    }

    private HttpActor secretariat() {
        return HttpActor.as(node.http(), "sec-officer", People.PASSWORD);
    }
}
