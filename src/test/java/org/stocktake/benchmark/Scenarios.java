package org.stocktake.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.imports.ImportOptions;
import org.stocktake.imports.ImportProgress;
import org.stocktake.imports.RegisterImport;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewKind;
import org.stocktake.review.ReviewService;
import org.stocktake.support.ImportFiles;

/**
 * The benchmark's scenarios on one running application, each paired with its baseline in the
 * same run: the same count of operations on a bare process (one user task, or one timer), or a
 * plain SQL read of the same rows.
 */
final class Scenarios {

    static final String STARTS = "start to the first user task";
    static final String COMPLETIONS = "complete a progress update";
    static final String PUBLIC_SUMMARY = "public summary";
    static final String REVIEW = "BENCH-PFD";
    static final String REGISTER = "BENCH-REG";
    static final String ORGANISATION = "bench-org";
    static final String LEAD = "bench-lead";
    static final String BARE_USER_TASK = "BenchBareUserTask";
    static final String BARE_TIMER = "BenchBareTimer";
    static final int WARM_UP = 30;
    /**
     * A read's median is of this many, after {@link #WARM_UP} unmeasured: with one warm-up and 7
     * reads, the JIT's first compilations and a collection or two set the median, and the public
     * summary's ratio on H2 moved between 0.14 and 0.62 in runs of unchanged code (BENCHMARKS.md, 7).
     */
    static final int READS = 21;
    static final Duration DRAIN_PATIENCE = Duration.ofMinutes(30);

    private final BenchmarkedApp app;
    private final Size size;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final List<Measurement> measurements = new ArrayList<>();

    Scenarios(BenchmarkedApp app, Size size) {
        this.app = app;
        this.size = size;
        this.jdbc = app.bean(JdbcClient.class);
        this.runtime = app.bean(RuntimeService.class);
        this.tasks = app.bean(TaskService.class);
        this.management = app.bean(ManagementService.class);
    }

    /** How many of each operation: quick proves the harness, full gives the figures. */
    record Size(String mode, int starts, int completions, int importRows, List<Integer> openTasks, int stormTimers,
                int tenYearRecommendations, int tenYearRequests, Duration pgbench) {

        static Size of(String mode) {
            return switch (mode) {
                // one size of open tasks: each is a JVM started per database for its memory, and the quick mode only proves the harness
                case "quick" -> new Size(mode, 30, 30, 200, List.of(200), 100, 1_000, 4, Duration.ofSeconds(2));
                case "full" -> new Size(mode, 10_000, 2_000, 10_000, List.of(10_000, 100_000), 10_000, 100_000, 20,
                        Duration.ofSeconds(30));
                default -> throw new IllegalArgumentException("benchmark mode is quick or full, not " + mode);
            };
        }
    }

    List<Measurement> run() {
        setUp();
        starts();
        completions();
        reminderStorm();
        publicSummary();
        imports();
        return measurements;
    }

    private void setUp() {
        app.organisation(ORGANISATION, LEAD);
        app.bean(ReviewService.class).create(new NewReview(REVIEW, "Benchmark coroner's report", ReviewKind.PFD_REPORT, LocalDate.now()));
        RepositoryService repository = app.bean(RepositoryService.class);
        repository.createDeployment().name("benchmark baselines")
                .addModelInstance(BARE_USER_TASK + ".bpmn", Bpmn.createExecutableProcess(BARE_USER_TASK).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Bare").endEvent().done())
                .addModelInstance(BARE_TIMER + ".bpmn", Bpmn.createExecutableProcess(BARE_TIMER).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("Timer_Bare").timerWithDate("2099-01-01T00:00:00Z").endEvent().done())
                .deploy();
        RecommendationService recommendations = app.bean(RecommendationService.class);
        // warm both paths up, so neither pays for class loading and first compilation
        for (int i = 0; i < WARM_UP; i++) {
            recommendations.register(REVIEW, new NewRecommendation("W" + i, null, "Warm-up " + i + ".", List.of(ORGANISATION)));
            runtime.startProcessInstanceByKey(BARE_USER_TASK);
        }
    }

    /** Registering a recommendation, to its first user task, against starting a bare one-user-task process. */
    private void starts() {
        RecommendationService recommendations = app.bean(RecommendationService.class);
        measure(STARTS, size.starts(),
                "register a recommendation (response task for one addressee)",
                times(size.starts(), i -> recommendations.register(REVIEW, new NewRecommendation("S" + i, null, "Concern " + i + ".", List.of(ORGANISATION)))),
                "start a bare one-user-task process", i -> runtime.startProcessInstanceByKey(BARE_USER_TASK), "");
        // what that many registrations, one commit each, leave on disk: H2's file (PostgreSQL's is its own server's)
        app.dataFileBytes().ifPresent(bytes -> measurements.set(measurements.size() - 1,
                measurements.get(measurements.size() - 1).with(Measurement.DATA_FILE_MIB, bytes / (1024.0 * 1024))));
    }

    /** An owner's quarterly update submitted through the task's form, against completing a bare user task. */
    private void completions() {
        importRegister(ImportFiles.inProgress(REGISTER, size.completions(), ORGANISATION));
        List<String> updates = tasks.createTaskQuery().taskDefinitionKey("Task_SubmitProgressUpdate").list().stream().map(Task::getId).toList();
        List<String> bare = tasks.createTaskQuery().processDefinitionKey(BARE_USER_TASK).list().stream().map(Task::getId).toList();
        FormService forms = app.bean(FormService.class);
        Map<String, Object> update = Map.of("rag", "GREEN", "publicUpdate", "On track.", "proposal", "CONTINUE");
        measure(COMPLETIONS, size.completions(), "submit the update form (our listeners, next quarter planned)",
                times(size.completions(), i -> forms.submitTaskForm(updates.get(i), update)), "complete a bare user task", i -> tasks.complete(bare.get(i)), "");
    }

    /**
     * Every response reminder falls due at once and the job executor drains them, against as many
     * bare timers. Duplicates are reminders recorded twice for one recommendation and due date.
     */
    private void reminderStorm() {
        int reminders = jdbc.sql("""
                select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                where d.act_id_ = 'BoundaryEvent_ResponseReminderDue'""").query(Long.class).single().intValue();
        for (int i = 0; i < reminders; i++) {
            runtime.startProcessInstanceByKey(BARE_TIMER);
        }
        StatementCounter.Counts before = app.counter.counts();
        Duration ours = drain("BoundaryEvent_ResponseReminderDue",
                () -> jdbc.sql("select count(*) from reminder").query(Long.class).single() >= reminders);
        StatementCounter.Counts used = app.counter.counts().since(before);
        Duration bare = drain("Timer_Bare", () -> runtime.createProcessInstanceQuery().processDefinitionKey(BARE_TIMER).count() == 0);
        long recorded = jdbc.sql("select count(*) from reminder").query(Long.class).single();
        long distinct = jdbc.sql("select count(*) from (select distinct recommendation_id, kind, subject, due_at from reminder) reminded")
                .query(Long.class).single();
        record(new Measurement("reminder storm", app.database, reminders, "reminder timers drained by the job executor", ours,
                "bare timers drained", bare, (double) used.statements() / reminders, (double) used.commits() / reminders,
                "reminders " + recorded + ", duplicates " + (recorded - distinct), Map.of()));
    }

    /** The public summary of the review's recommendations over HTTP, against reading the same rows with plain SQL. */
    private void publicSummary() {
        int rows = jdbc.sql("select count(*) from recommendation r join review v on v.id = r.review_id where v.code = ?")
                .param(REVIEW).query(Long.class).single().intValue();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest summary = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/reviews/" + REVIEW + "/public-summary"))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (BenchmarkedApp.ADMIN + ":" + BenchmarkedApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        Duration ours = median(() -> {
            try {
                HttpResponse<byte[]> answer = client.send(summary, HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("public summary answered " + answer.statusCode());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Duration plain = median(() -> jdbc.sql("""
                select r.reference, r.section, r.text, r.status, r.owner_group, r.target_date
                from recommendation r join review v on v.id = r.review_id where v.code = ? order by r.id""")
                .param(REVIEW).query().listOfRows());
        record(new Measurement(PUBLIC_SUMMARY, app.database, rows, "public summary as JSON over HTTP (median of " + READS + " after " + WARM_UP + " unmeasured)",
                ours, "the same rows read with plain SQL", plain, 0, 0, rows + " recommendations", Map.of()));
    }

    /** Imports of the Harris file and of a large register, against starting as many bare processes. */
    private void imports() {
        byte[] harris;
        try (InputStream file = new ClassPathResource("demo/harris-review-2016.csv").getInputStream()) {
            harris = file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        measureImport("import Harris (127 rows)", harris, 127, "the Harris register: 85 closed, 42 awaiting assignment");
        measureImport("import " + size.importRows() + " rows", largeRegister(size.importRows()), size.importRows(),
                "60% resolved, 10% by other means, 30% in progress; the closed ones end at once");
    }

    private void measureImport(String scenario, byte[] file, int rows, String note) {
        measure(scenario, rows, "the whole file in one transaction", () -> importRegister(file),
                "start as many bare one-user-task processes", i -> runtime.startProcessInstanceByKey(BARE_USER_TASK), note);
    }

    private void importRegister(byte[] file) {
        app.bean(RegisterImport.class).run("benchmark.csv", file, new ImportOptions(false, false), BenchmarkedApp.ADMIN, ImportProgress.NONE);
    }

    /** A legacy register in the mix a real one has: mostly closed, some in progress. */
    private static byte[] largeRegister(int rows) {
        String lines = IntStream.rangeClosed(1, rows).mapToObj(n -> {
            String status = n % 10 < 6 ? "RESOLVED" : n % 10 == 6 ? "RESOLVED_BY_OTHER_MEANS" : "IN_PROGRESS";
            return "BENCH-LARGE-" + (n / 1000) + ",Large register " + (n / 1000) + ",REVIEW," + n + ",Recommendation " + n + ","
                    + ORGANISATION + "," + status + ",Progress so far on " + n + ".";
        }).collect(Collectors.joining("\n"));
        return ("review_code,review_title,review_kind,number,text,owner,status,update\n" + lines + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void measure(String scenario, int count, String ours, Runnable work, String baseline, IntConsumer bare, String note) {
        StatementCounter.Counts before = app.counter.counts();
        Duration oursTime = time(work);
        StatementCounter.Counts used = app.counter.counts().since(before);
        Duration bareTime = time(() -> IntStream.range(0, count).forEach(bare));
        record(new Measurement(scenario, app.database, count, ours, oursTime, baseline, bareTime,
                (double) used.statements() / count, (double) used.commits() / count, note, Map.of()));
    }

    /** Keeps a measurement and says so at once: a full run takes a while. */
    private void record(Measurement measurement) {
        measurements.add(measurement);
        System.out.printf(Locale.ROOT, "%s on %s: %d in %.1f s, baseline %.1f s, ratio %.2f%n", measurement.scenario(),
                measurement.database(), measurement.count(), measurement.oursTime().toMillis() / 1000.0,
                measurement.baselineTime().toMillis() / 1000.0, measurement.ratio());
    }

    private static Runnable times(int count, IntConsumer operation) {
        return () -> IntStream.range(0, count).forEach(operation);
    }

    /** Makes every job of one activity due now and times the job executor until {@code done}. */
    private Duration drain(String activityId, BooleanSupplier done) {
        long start = System.nanoTime();
        jdbc.sql("""
                update act_ru_job set duedate_ = ? where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""")
                .params(new Timestamp(System.currentTimeMillis() - 1000), activityId).update();
        await("the job executor to drain " + activityId).atMost(DRAIN_PATIENCE).until(done::getAsBoolean);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration median(Runnable read) {
        IntStream.range(0, WARM_UP).forEach(i -> read.run());
        List<Duration> times = IntStream.range(0, READS).mapToObj(i -> time(read)).sorted().toList();
        return times.get(times.size() / 2);
    }

    private static Duration time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
