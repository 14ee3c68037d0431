package org.stocktake.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stocktake.support.AppH2Url;

/**
 * The H2 file stays compact under commits written one by one as the app writes them
 * ({@code WRITE_DELAY=0}), where without the housekeeping it grows by a chunk per commit. The
 * turns are run by the test, every few commits, instead of on a timer.
 */
class H2HousekeepingTest {

    static final int TRANSACTIONS = 800;
    static final int ROWS_A_TRANSACTION = 10;

    @Test
    void theFileStaysSmallWhereWithoutHousekeepingItGrowsWithEveryCommit() throws Exception {
        long without = fileSizeAfterWork(false);
        long with = fileSizeAfterWork(true);

        assertThat(without).as("without housekeeping (bytes)").isGreaterThan(12L << 20);
        assertThat(with).as("with housekeeping (bytes), against %d without", without).isLessThan(without / 4);
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

    /** Rows inserted, updated and deleted, as the engine's tables see them, one commit a transaction; the rows all there after. */
    private static long fileSizeAfterWork(boolean housekeeping) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "h2-housekeeping-test", UUID.randomUUID().toString()));
        JdbcDataSource file = new JdbcDataSource();
        file.setURL(AppH2Url.of(directory.resolve("db")));
        H2Housekeeping turns = new H2Housekeeping(file, Duration.ZERO);
        // one connection keeps the database open between transactions, as the app's pool does
        try (Connection open = file.getConnection(); Connection connection = file.getConnection()) {
            connection.createStatement().execute("create table work (id bigint primary key, state int, payload varchar(2000))");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("insert into work values (?, 0, ?)");
            PreparedStatement update = connection.prepareStatement("update work set state = state + 1 where id between ? and ?");
            PreparedStatement delete = connection.prepareStatement("delete from work where id between ? and ?");
            String payload = "x".repeat(1500);
            for (int transaction = 0; transaction < TRANSACTIONS; transaction++) {
                long first = (long) transaction * ROWS_A_TRANSACTION;
                for (int row = 0; row < ROWS_A_TRANSACTION; row++) {
                    insert.setLong(1, first + row);
                    insert.setString(2, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
                update.setLong(1, first - 20 * ROWS_A_TRANSACTION);
                update.setLong(2, first - 1);
                update.executeUpdate();
                delete.setLong(1, first - 100 * ROWS_A_TRANSACTION);
                delete.setLong(2, first - 99 * ROWS_A_TRANSACTION - 1);
                delete.executeUpdate();
                connection.commit();
                if (housekeeping && transaction % 10 == 9) {
                    turns.compactTurn();
                }
            }
            var rows = connection.createStatement().executeQuery("select count(*) from work");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(100L * ROWS_A_TRANSACTION);
            return Files.size(directory.resolve("db.mv.db"));
        }
    }
}
