package org.stocktake.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stocktake.support.AppH2Url;

/**
 * The H2 file stays compact under commits written one by one as the app writes them
 * ({@code WRITE_DELAY=0}), where without the housekeeping it grows by a chunk per commit, and its
 * pages are compressed. The turns are run by the test, every few commits, instead of on a timer.
 */
class H2HousekeepingTest {

    static final int TRANSACTIONS = 1000;
    static final int ROWS_A_TRANSACTION = 10;

    @Test
    void theFileStaysSmallAndCompressedWhereWithoutHousekeepingItGrowsWithEveryCommit() throws Exception {
        String uncompressedOptions = AppH2Url.options().replace(";COMPRESS=TRUE", "");
        assertThat(uncompressedOptions).as("the app's H2 options without compression").isNotEqualTo(AppH2Url.options());

        long without = fileSizeAfterWork(false, AppH2Url.options());
        long with = fileSizeAfterWork(true, AppH2Url.options());
        long uncompressed = fileSizeAfterWork(true, uncompressedOptions);

        assertThat(without).as("without housekeeping (bytes)").isGreaterThan(10L << 20);
        assertThat(with).as("with housekeeping (bytes), against %d without", without).isLessThan(without / 4);
        assertThat(with).as("with housekeeping (bytes), against %d uncompressed", uncompressed).isLessThan(uncompressed / 2);
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        H2Housekeeping housekeeping = new H2Housekeeping(memory, Duration.ofMillis(200));
        housekeeping.compactTurn();
        housekeeping.start();
        assertThat(housekeepingThreads()).isEmpty();
        try (Connection connection = memory.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void anEmbeddedFileIsKeptOnAThreadOfItsOwnUntilTheAppStops() throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL(AppH2Url.of(Files.createDirectories(Path.of("target", "h2-housekeeping-test", UUID.randomUUID().toString())).resolve("db")));
        try (Connection open = file.getConnection()) {
            H2Housekeeping housekeeping = new H2Housekeeping(file, Duration.ofMillis(200));
            housekeeping.start();
            List<Thread> started = housekeepingThreads();
            assertThat(started).hasSize(1);
            housekeeping.destroy();
            started.get(0).join(10_000);
            assertThat(started.get(0).isAlive()).isFalse();
        }
    }

    private static List<Thread> housekeepingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("h2-housekeeping") && thread.isAlive()).toList();
    }

    /**
     * Rows inserted and updated as the engine's tables see them: keyed by random UUIDs, as the
     * engine's ids are, so that each commit touches pages all over the table; one commit a
     * transaction. The rows are all there after.
     */
    private static long fileSizeAfterWork(boolean housekeeping, String options) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "h2-housekeeping-test", UUID.randomUUID().toString()));
        JdbcDataSource file = new JdbcDataSource();
        file.setURL(AppH2Url.of(directory.resolve("db"), options));
        H2Housekeeping turns = new H2Housekeeping(file, Duration.ZERO);
        Random random = new Random(19);
        List<String> ids = new ArrayList<>();
        // one connection keeps the database open between transactions, as the app's pool does
        try (Connection open = file.getConnection(); Connection connection = file.getConnection()) {
            connection.createStatement().execute("create table work (id varchar(36) primary key, state int, payload varchar(2000))");
            connection.createStatement().execute("create index work_state on work (state)");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("insert into work values (?, 0, ?)");
            PreparedStatement update = connection.prepareStatement("update work set state = state + 1 where id = ?");
            // text as a recommendation's, which compresses as such text does
            String payload = "The department should publish, within six months, how it will test its plans. ".repeat(4);
            for (int transaction = 0; transaction < TRANSACTIONS; transaction++) {
                for (int row = 0; row < ROWS_A_TRANSACTION; row++) {
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    ids.add(id);
                    insert.setString(1, id);
                    insert.setString(2, id + payload);
                    insert.addBatch();
                    update.setString(1, ids.get(random.nextInt(ids.size())));
                    update.addBatch();
                }
                insert.executeBatch();
                update.executeBatch();
                connection.commit();
                if (housekeeping && transaction % 10 == 9) {
                    turns.compactTurn();
                }
            }
            var rows = connection.createStatement().executeQuery("select count(*) from work");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo((long) TRANSACTIONS * ROWS_A_TRANSACTION);
            return Files.size(directory.resolve("db.mv.db"));
        }
    }
}
