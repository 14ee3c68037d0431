package org.stocktake.imports;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.jdbc.RecordRowMapper;

/**
 * The progress of imports. Starting, progress and failure commit on their own, outside the
 * import's transaction, so others can watch an import that is still running and see a failed one
 * as failed; completion commits with the import itself.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ImportJobRepository {

    private final JdbcClient jdbc;

    ImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String fileName, int total, String by, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into import_job (file_name, status, total, started_by, started_at, heartbeat_at) values (?, ?, ?, ?, ?, ?)")
                .params(fileName, ImportJob.Status.RUNNING.name(), total, by, now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void progress(long id, int processed, OffsetDateTime now) {
        jdbc.sql("update import_job set processed = ?, heartbeat_at = ? where id = ?").params(processed, now, id).update();
    }

    /** Marks the import completed in the import's own transaction, so it is completed exactly when its rows are there. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(long id, int created, int unchanged, OffsetDateTime now) {
        jdbc.sql("update import_job set status = ?, processed = total, created = ?, unchanged = ?, finished_at = ? where id = ?")
                .params(ImportJob.Status.COMPLETED.name(), created, unchanged, now, id).update();
    }

    void fail(long id, String failure, OffsetDateTime now) {
        jdbc.sql("update import_job set status = ?, processed = 0, failure = ?, finished_at = ? where id = ?")
                .params(ImportJob.Status.FAILED.name(), failure.length() > 2000 ? failure.substring(0, 2000) : failure, now, id).update();
    }

    /**
     * Marks as failed every import still said to be running that has not reported progress since
     * {@code silentSince}: the node running it stopped, and its transaction with it. Returns how many.
     */
    int failSilent(OffsetDateTime silentSince, String failure, OffsetDateTime now) {
        return jdbc.sql("""
                update import_job set status = ?, processed = 0, failure = ?, finished_at = ?
                where status = ? and heartbeat_at < ?""")
                .params(ImportJob.Status.FAILED.name(), failure, now, ImportJob.Status.RUNNING.name(), silentSince).update();
    }

    @Transactional(readOnly = true)
    Optional<ImportJob> findById(long id) {
        return jdbc.sql("""
                select id, file_name, status, total, processed, created, unchanged, failure, started_by, started_at, finished_at
                from import_job where id = ?""").param(id).query(RecordRowMapper.of(ImportJob.class)).optional();
    }
}
