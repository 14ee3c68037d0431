package org.stocktake.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class ProgressUpdateRepository {

    private static final String SELECT = """
            select id, recommendation_id, quarter, rag, public_update, restricted_note, proposal, proposed_target_date,
                   evidence, submitted_by, submitted_at, imported
            from progress_update""";

    private final JdbcClient jdbc;

    ProgressUpdateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long recommendationId, ProgressUpdateSubmission update, String by, OffsetDateTime now) {
        jdbc.sql("""
                insert into progress_update (recommendation_id, quarter, rag, public_update, restricted_note, proposal,
                                             proposed_target_date, evidence, submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, update.quarter(), update.rag().name(), update.publicUpdate(), update.restrictedNote(),
                        update.proposal().name(), update.proposedTargetDate(), update.evidence(), by, now)
                .update();
    }

    /** Records a legacy register's latest public update as an imported update. */
    void insertImported(long recommendationId, ReportingQuarter quarter, String publicUpdate, String by, OffsetDateTime now) {
        jdbc.sql("""
                insert into progress_update (recommendation_id, quarter, public_update, submitted_by, submitted_at, imported)
                values (?, ?, ?, ?, ?, true)""")
                .params(recommendationId, quarter.toString(), publicUpdate, by, now)
                .update();
    }

    List<ProgressUpdate> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by submitted_at, id")
                .param(recommendationId).query(RecordRowMapper.of(ProgressUpdate.class)).list();
    }

    Optional<ProgressUpdate> findLatest(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by submitted_at desc, id desc fetch first 1 rows only")
                .param(recommendationId).query(RecordRowMapper.of(ProgressUpdate.class)).optional();
    }
}
