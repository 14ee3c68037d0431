package org.stocktake.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.StocktakeApplication;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewKind;
import org.stocktake.review.ReviewService;

/**
 * Camunda 7's own clustering, measured: two nodes on one PostgreSQL drain a storm of due response
 * reminders against one node draining as many. Twice the storm's count of recommendations is
 * registered; the first half's reminders fall due with this JVM's node alone, then a second node
 * (a JVM of its own, as a second machine would run it) joins and the second half falls due. The
 * ratio is one node's time over two's. Duplicates are reminders recorded twice for one
 * recommendation and due date; the statements are this JVM's node's alone.
 */
final class TimerStorm {

    static final String SCENARIO = "timer storm on two nodes";
    static final String REVIEW = "BENCH-STORM";
    static final String REMINDER = "BoundaryEvent_ResponseReminderDue";
    static final Duration PATIENCE = Duration.ofMinutes(30);
    static final String OF_THE_STORM = """
            recommendation_id in (select r.id from recommendation r join review v on v.id = r.review_id where v.code = ?)""";

    private final BenchmarkedApp node;
    private final JdbcClient jdbc;

    private TimerStorm(BenchmarkedApp node) {
        this.node = node;
        this.jdbc = node.bean(JdbcClient.class);
    }

    /** This scenario alone, on a PostgreSQL of its own: the argument is the storm's count of timers (10000 in a full run). */
    public static void main(String[] args) throws IOException {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (EmbeddedPostgres postgres = Benchmark.postgresCommittingAsInProduction();
             BenchmarkedApp app = BenchmarkedApp.on("PostgreSQL", Benchmark.postgres(postgres, "postgres"))) {
            measure(app, Benchmark.postgres(postgres, "postgres"), timers, Files.createTempDirectory("storm"));
        }
        System.exit(0);
    }

    /** The storm on the app's PostgreSQL database (which may hold other recommendations), the second node on the same {@code datasource}. */
    static Measurement measure(BenchmarkedApp node, Map<String, Object> datasource, int timers, Path work) throws IOException {
        return new TimerStorm(node).run(datasource, timers, work);
    }

    private Measurement run(Map<String, Object> datasource, int timers, Path work) throws IOException {
        node.organisation(Scenarios.ORGANISATION, Scenarios.LEAD);
        node.bean(ReviewService.class).create(new NewReview(REVIEW, "Benchmark storm", ReviewKind.PFD_REPORT, LocalDate.now()));
        RecommendationService recommendations = node.bean(RecommendationService.class);
        node.inBatches(0, 2 * timers, i -> recommendations.register(REVIEW,
                new NewRecommendation((i < timers ? "A" : "B") + i, null, "Concern " + i + ".", List.of(Scenarios.ORGANISATION))));

        StatementCounter.Counts before = node.counter.counts();
        Optional<Machine.CpuTime> cpuBefore = Machine.cpuTime();
        Duration oneNode = drain("A", timers);
        String oneNodeCpu = busy(cpuBefore);
        int port = freePort();
        Process second = ChildJvm.start(StocktakeApplication.class, BenchmarkedApp.arguments(datasource, port), work);
        try {
            awaitAnswering(port, second);
            Optional<Machine.CpuTime> cpuBeforeTwo = Machine.cpuTime();
            Duration twoNodes = drain("B", 2 * timers);
            String twoNodesCpu = busy(cpuBeforeTwo);
            StatementCounter.Counts used = node.counter.counts().since(before);
            long recorded = reminders();
            long distinct = jdbc.sql("select count(*) from (select distinct recommendation_id, kind, subject, due_at from reminder"
                    + " where " + OF_THE_STORM + ") reminded").param(REVIEW).query(Long.class).single();
            Measurement storm = new Measurement(SCENARIO, node.database, timers, "two nodes drain the reminders", twoNodes,
                    "one node drains as many", oneNode, (double) used.statements() / (2 * timers), (double) used.commits() / (2 * timers),
                    "reminders " + recorded + ", duplicates " + (recorded - distinct) + "; the machine's CPU busy " + oneNodeCpu + " with one node, "
                            + twoNodesCpu + " with two; statements are the first node's", Map.of());
            System.out.printf(Locale.ROOT, "timer storm: one node %.1f s, two nodes %.1f s, speed-up %.2f; %s%n",
                    oneNode.toMillis() / 1000.0, twoNodes.toMillis() / 1000.0, storm.ratio(), storm.note());
            return storm;
        } finally {
            second.destroy();
            try {
                second.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The share of the machine's CPU busy since {@code before}, as a percentage, or "not measured". */
    private static String busy(Optional<Machine.CpuTime> before) {
        return before.flatMap(start -> Machine.cpuTime().map(end -> String.format(Locale.ROOT, "%.0f%%", 100 * end.busySince(start))))
                .orElse("not measured");
    }

    /** Makes the reminders of one half (references starting {@code half}) due now, and times until {@code total} are recorded. */
    private Duration drain(String half, int total) {
        long start = System.nanoTime();
        jdbc.sql("""
                update act_ru_job set duedate_ = ?
                where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)
                  and process_instance_id_ in (select id_ from act_ru_execution where parent_id_ is null and business_key_ like ?)""")
                .params(new Timestamp(System.currentTimeMillis() - 1000), REMINDER, REVIEW + "/" + half + "%").update();
        await("the reminders of " + half + " to be recorded").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> reminders() >= total);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The reminders recorded for the storm's recommendations (the database may hold others'). */
    private long reminders() {
        return jdbc.sql("select count(*) from reminder where " + OF_THE_STORM).param(REVIEW).query(Long.class).single();
    }

    /** Waits for the second node's engine to answer, as a load balancer's health check would. */
    private static void awaitAnswering(int port, Process node) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest engine = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine")).build();
        await("the second node to start").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!node.isAlive()) {
                        throw new IllegalStateException("the second node exited with " + node.exitValue());
                    }
                    return client.send(engine, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
