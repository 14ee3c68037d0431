package org.stocktake.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file compact while every commit is written to it before the commit
 * returns. {@code WRITE_DELAY=0}, which makes a commit survive {@code kill -9}, also stops the
 * background writer that rewrites sparse chunks, so the file grew by a chunk per commit until the
 * database closed: 3 GB after 10,000 registrations. Here, every
 * {@code stocktake.h2.housekeeping-every} (a second unless set), H2's public
 * {@link MVStore#compact} rewrites the live pages of chunks less than 90% full, 4 MB a turn; with
 * {@code RETENTION_TIME=0} in the URL, the chunks that frees are reused at once instead of after
 * 45 seconds, so the file stays within about twice its live pages.
 * <p>
 * Measured (BENCHMARKS.md, Optimisations 6), 10,000 registrations one commit each: on H2
 * 2.3.232, 498 MB; on 2.5.252, 422 MB, of which 224 MB were live pages; with {@code COMPRESS=TRUE}
 * as well, 104 MB with a turn every 200 ms and 146 MB every second. Compressed pages make each
 * turn dearer: every 200 ms, the registrations took twice as long as without the housekeeping;
 * every second, about 30% longer. Moving chunks down the file as well
 * ({@code compactMoveChunks}) gave nothing back, since the chunks are full of live pages, and on
 * 2.3.232 it tripped an assertion of H2's own (its issue 4123). A larger write delay was not
 * durable under {@code kill -9}. CrashDurabilityIT kills a node under load with this running.
 * H2's compaction when the database closes is off ({@code MAX_COMPACT_TIME=0} in the URL): on
 * 2.3.232 with {@code RETENTION_TIME=0} it lost committed rows (H2FileDurabilityTest). Runs on an
 * embedded H2 file only; PostgreSQL and an in-memory database are left alone.
 */
@Component
class H2Housekeeping implements DisposableBean {

    /** Chunks filled less than this (per cent) have their live pages rewritten. */
    static final int TARGET_FILL_RATE = 90;
    /** How much one turn rewrites, at most: a turn must not hold up commits for long. */
    static final int BYTES_A_TURN = 4 << 20;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final Duration every;
    private ScheduledExecutorService housekeeper;

    H2Housekeeping(DataSource dataSource, @Value("${stocktake.h2.housekeeping-every:PT1S}") Duration every) {
        this.dataSource = dataSource;
        this.every = every;
    }

    /** Starts once the database is there, on a thread of its own: nothing else's work can hold it up. */
    @EventListener(ContextRefreshedEvent.class)
    synchronized void start() {
        if (housekeeper != null || every.isZero() || !onAnEmbeddedFile()) {
            return;
        }
        housekeeper = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeper.scheduleWithFixedDelay(this::compactTurn, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Keeping the H2 file compact every {} ms", every.toMillis());
    }

    /** One turn of what H2's background writer would do. A failure is logged and the next turn tries again. */
    void compactTurn() {
        try (Connection connection = dataSource.getConnection()) {
            storeOf(connection).ifPresent(store -> store.compact(TARGET_FILL_RATE, BYTES_A_TURN));
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not compact the H2 file this turn: {}", e.toString());
        }
    }

    private boolean onAnEmbeddedFile() {
        try (Connection connection = dataSource.getConnection()) {
            return storeOf(connection).isPresent();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The MVStore behind a connection to an H2 file in this JVM, if that is what it is. */
    private static Optional<MVStore> storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        MVStore mvStore = store == null ? null : store.getMvStore();
        FileStore<?> file = mvStore == null ? null : mvStore.getFileStore();
        return file == null || mvStore.isClosed() ? Optional.empty() : Optional.of(mvStore);
    }

    @Override
    public synchronized void destroy() throws InterruptedException {
        if (housekeeper != null) {
            housekeeper.shutdown();
            housekeeper.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
