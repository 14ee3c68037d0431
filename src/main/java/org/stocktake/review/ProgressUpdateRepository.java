package org.stocktake.review;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Each recommendation's latest public update, of a review's, by recommendation id. */
    Map<Long, String> latestPublicUpdates(String reviewCode) {
        Map<Long, String> updates = new HashMap<>();
        jdbc.sql("""
                select p.recommendation_id, p.public_update from progress_update p
                join (select recommendation_id, max(id) as id from progress_update group by recommendation_id) latest on latest.id = p.id
                join recommendation r on r.id = p.recommendation_id join review v on v.id = r.review_id
                where v.code = ?""")
                .param(reviewCode)
                .query((rs, row) -> updates.put(rs.getLong(1), rs.getString(2)))
                .list();
        return updates;
    }
}
