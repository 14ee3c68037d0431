package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewKind;
import org.stocktake.review.ReviewService;

/**
 * The open-task scenarios, in a JVM of their own so that its resident memory is the application's
 * alone: Tasklist's "My organisation's tasks" for one organisation's user, with authorizations on
 * and off, and the process's memory, at each count of open tasks. A country's tracker has many
 * organisations, so the user's own organisation holds one open task in a hundred: those are
 * recommendations registered through the lifecycle; the rest are bare one-user-task processes for
 * 99 other organisations, whose tasks carry the same candidate-group authorizations the engine
 * writes for ours. Arguments: the database's name, the file the figures go to, the counts of open
 * tasks (comma-separated), then the datasource's properties as {@code key=value}.
 */
public final class OpenTaskLoad {

    static final String SCENARIO = "task query";
    static final String FILTER = "My organisation's tasks";
    static final String OTHER_TASK = "BenchOrganisationTask";
    static final int OTHER_ORGANISATIONS = 99;
    static final int PAGE = 15;
    static final int WARM_UP = 20;
    static final int ROUNDS = 5;
    static final int READS_PER_ROUND = 20;
    static final Duration CHILD_PATIENCE = Duration.ofMinutes(60);

    private final BenchmarkedApp app;
    private final ProcessEngineConfiguration engine;
    private final IdentityService identity;
    private final String filterId;
    private int ownOpen;
    private int otherOpen;

    private OpenTaskLoad(BenchmarkedApp app) {
        this.app = app;
        this.engine = app.bean(ProcessEngine.class).getProcessEngineConfiguration();
        this.identity = app.bean(IdentityService.class);
        this.filterId = app.bean(FilterService.class).createFilterQuery().filterName(FILTER).singleResult().getId();
    }

    public static void main(String[] args) {
        try {
            String database = args[0];
            Path output = Path.of(args[1]);
            List<Integer> openTasks = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
            Map<String, Object> datasource = new LinkedHashMap<>();
            Arrays.stream(args, 3, args.length).map(property -> property.split("=", 2))
                    .forEach(property -> datasource.put(property[0], property[1]));
            BenchmarkReport.MAPPER.writeValue(output.toFile(), run(database, datasource, openTasks));
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        // the engine's pools and timers are gone; nothing else should keep the JVM
        System.exit(0);
    }

    private static Figures run(String database, Map<String, Object> datasource, List<Integer> openTasks) {
        List<Measurement> measurements = new ArrayList<>();
        List<MemoryUse> memory = new ArrayList<>();
        try (BenchmarkedApp app = BenchmarkedApp.on(database, datasource)) {
            OpenTaskLoad load = new OpenTaskLoad(app);
            load.setUp();
            for (int open : openTasks) {
                load.fillTo(open);
                measurements.add(load.taskQuery(open));
                memory.add(MemoryUse.measure(database, open));
                System.out.printf(Locale.ROOT, "open tasks on %s: %s; %s%n", database, measurements.get(measurements.size() - 1).note(),
                        memory.get(memory.size() - 1));
            }
        }
        return new Figures(measurements, memory);
    }

    /** What one run of this JVM hands back to the benchmark. */
    record Figures(List<Measurement> measurements, List<MemoryUse> memory) {
    }

    /** Runs {@link #main} in a JVM of its own ({@link ChildJvm}) and reads back its figures. */
    static Figures inOwnJvm(String database, Map<String, Object> datasource, List<Integer> openTasks, Path work) throws IOException {
        Path figures = work.resolve("open-tasks-" + database + ".json").toAbsolutePath();
        List<String> arguments = new ArrayList<>(List.of(database, figures.toString(),
                openTasks.stream().map(String::valueOf).collect(Collectors.joining(","))));
        datasource.forEach((key, value) -> arguments.add(key + "=" + value));
        Process process = ChildJvm.start(OpenTaskLoad.class, arguments, work);
        try {
            if (!process.waitFor(CHILD_PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the open-task load on " + database + " took over " + CHILD_PATIENCE);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the open-task load on " + database + " exited with " + process.exitValue());
        }
        return BenchmarkReport.MAPPER.readValue(figures.toFile(), Figures.class);
    }

    private void setUp() {
        app.organisation(Scenarios.ORGANISATION, Scenarios.LEAD);
        IntStream.rangeClosed(1, OTHER_ORGANISATIONS).forEach(n -> app.organisation(otherOrganisation(n)));
        app.bean(ReviewService.class).create(new NewReview(Scenarios.REVIEW, "Benchmark coroner's report", ReviewKind.PFD_REPORT, LocalDate.now()));
        app.bean(RepositoryService.class).createDeployment().name("open-task load")
                .addModelInstance(OTHER_TASK + ".bpmn", Bpmn.createExecutableProcess(OTHER_TASK).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_OtherOrganisation").camundaCandidateGroups("${organisation}")
                        .camundaDueDate("${dueDate}").endEvent().done())
                .deploy();
    }

    private static String otherOrganisation(int n) {
        return "bench-org-%02d".formatted(n);
    }

    /**
     * Opens tasks until there are {@code open}, one in a hundred the lead's organisation's
     * ({@link BenchmarkedApp#inBatches}).
     */
    private void fillTo(int open) {
        RecommendationService recommendations = app.bean(RecommendationService.class);
        RuntimeService runtime = app.bean(RuntimeService.class);
        int ownWanted = open / 100;
        app.inBatches(ownOpen, ownWanted, i -> recommendations.register(Scenarios.REVIEW,
                new NewRecommendation("T" + i, null, "Concern " + i + ".", List.of(Scenarios.ORGANISATION))));
        app.inBatches(otherOpen, open - ownWanted, i -> runtime.startProcessInstanceByKey(OTHER_TASK, Map.of(
                "organisation", otherOrganisation(1 + i % OTHER_ORGANISATIONS),
                "dueDate", Date.from(Instant.now().plus(Duration.ofDays(1 + i % 90))))));
        ownOpen = ownWanted;
        otherOpen = open - ownWanted;
        // the tables' statistics as PostgreSQL's autovacuum (and H2's own) would have them a minute
        // after such a burst: read straight after it, the planner still thinks the tables empty
        app.bean(JdbcClient.class).sql("analyze").update();
        long counted = app.bean(TaskService.class).createTaskQuery().count();
        if (counted != open) {
            throw new IllegalStateException("expected " + open + " open tasks, found " + counted);
        }
    }

    /**
     * The lead's first page of the filter and its count, as Tasklist asks for them, with the
     * engine's authorization checks on and then off, in alternating rounds so that neither gets
     * the quieter moments. Both must give the same answer.
     */
    private Measurement taskQuery(int open) {
        FilterService filters = app.bean(FilterService.class);
        identity.setAuthentication(Scenarios.LEAD, List.of(Scenarios.ORGANISATION));
        try {
            List<String> authorized = firstPage(filters, true);
            List<String> unauthorized = firstPage(filters, false);
            if (!authorized.equals(unauthorized) || authorized.size() != Math.min(PAGE, ownOpen)) {
                throw new IllegalStateException("the filter's first page differs with authorizations on and off: " + authorized
                        + " against " + unauthorized);
            }
            List<Duration> on = new ArrayList<>();
            List<Duration> off = new ArrayList<>();
            IntStream.range(0, WARM_UP).forEach(i -> read(filters, i % 2 == 0));
            StatementCounter.Counts before = app.counter.counts();
            for (int round = 0; round < ROUNDS; round++) {
                IntStream.range(0, READS_PER_ROUND).forEach(i -> on.add(read(filters, true)));
                IntStream.range(0, READS_PER_ROUND).forEach(i -> off.add(read(filters, false)));
            }
            StatementCounter.Counts used = app.counter.counts().since(before);
            on.sort(null);
            off.sort(null);
            int reads = on.size() + off.size();
            // one read is the operation: its median, so ours/s is reads a second
            return new Measurement(SCENARIO + " at " + open + " open tasks", app.database, 1,
                    "the lead's first page (" + PAGE + ") and count, authorizations on (p50)", percentile(on, 50),
                    "the same with authorizations off (p50)", percentile(off, 50), (double) used.statements() / reads,
                    (double) used.commits() / reads, String.format(Locale.ROOT,
                            "p95 on %.1f ms, off %.1f ms; %d reads each; the organisation has %d of the %d tasks",
                            percentile(on, 95).toNanos() / 1e6, percentile(off, 95).toNanos() / 1e6, on.size(), ownOpen, open),
                    Map.of(Measurement.P95_MILLIS, percentile(on, 95).toNanos() / 1e6));
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> firstPage(FilterService filters, boolean authorizationsOn) {
        return withAuthorizations(authorizationsOn, () -> filters.<Task>listPage(filterId, 0, PAGE).stream().map(Task::getId).toList());
    }

    private Duration read(FilterService filters, boolean authorizationsOn) {
        return withAuthorizations(authorizationsOn, () -> {
            long start = System.nanoTime();
            filters.listPage(filterId, 0, PAGE);
            filters.count(filterId);
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }

    /** The engine's authorization checks as given while {@code work} runs, and on again after it. */
    private <T> T withAuthorizations(boolean on, Supplier<T> work) {
        engine.setAuthorizationEnabled(on);
        try {
            return work.get();
        } finally {
            engine.setAuthorizationEnabled(true);
        }
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

}
