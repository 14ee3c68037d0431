package org.stocktake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stocktake.StocktakeApplication;

/**
 * The whole application, started in this JVM on one database with its job executor on and a
 * counter of SQL statements around its DataSource: what the benchmark measures.
 */
final class BenchmarkedApp implements AutoCloseable {

    static final String ADMIN = "bench-admin";
    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String H2_FILE = "jdbc:h2:file:";
    static final int BATCH = 500;
    /** Every member's password, the administrator's aside. */
    static final String MEMBER_PASSWORD = "Correct-Horse-7";

    final String database;
    final ConfigurableApplicationContext context;
    final StatementCounter counter = new StatementCounter();

    private BenchmarkedApp(String database, Map<String, Object> datasource) {
        this.database = database;
        this.context = new SpringApplicationBuilder(StocktakeApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counter))
                .run(arguments(datasource, 0).toArray(String[]::new));
    }

    /**
     * The application's command-line arguments on this datasource and port (0 for any free one);
     * as arguments, they come before application.yml (default properties come after it).
     */
    static List<String> arguments(Map<String, Object> datasource, int port) {
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("server.port", port);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        properties.put("stocktake.admin.user", ADMIN);
        properties.put("stocktake.admin.password", ADMIN_PASSWORD);
        // an idle job executor looks again within a second, so a storm's start is not a backoff's length
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
        properties.put("camunda.bpm.job-execution.max-wait", 1000);
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toList();
    }

    /**
     * Runs {@code start} for each number from {@code from} until {@code to}: set-up, not a figure.
     * Both cores work, {@value #BATCH} to a transaction, so that H2's file (which grows by a chunk
     * per commit) stays small.
     */
    void inBatches(int from, int to, IntConsumer start) {
        TransactionTemplate transaction = new TransactionTemplate(bean(PlatformTransactionManager.class));
        int batches = (to - from + BATCH - 1) / BATCH;
        IntStream.range(0, batches).parallel().map(batch -> from + batch * BATCH).forEach(first -> transaction.executeWithoutResult(
                status -> IntStream.range(first, Math.min(first + BATCH, to)).forEach(start)));
    }

    static BenchmarkedApp on(String database, Map<String, Object> datasource) {
        return new BenchmarkedApp(database, datasource);
    }

    /** An organisation (a group of type organisation) and its members, each a user with the benchmark's password. */
    void organisation(String id, String... members) {
        IdentityService identity = bean(IdentityService.class);
        Group organisation = identity.newGroup(id);
        organisation.setName("Benchmark organisation " + id);
        organisation.setType("organisation");
        identity.saveGroup(organisation);
        for (String member : members) {
            User user = identity.newUser(member);
            user.setEmail(member + "@stocktake.example");
            user.setPassword(MEMBER_PASSWORD);
            identity.saveUser(user);
            identity.createMembership(member, id);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The size of the database's file, when the database is an H2 file in this JVM. */
    OptionalLong dataFileBytes() {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (!url.startsWith(H2_FILE)) {
            return OptionalLong.empty();
        }
        Path file = Path.of(url.substring(H2_FILE.length()).split(";")[0] + ".mv.db");
        try {
            return OptionalLong.of(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
