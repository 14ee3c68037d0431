package org.stocktake.review;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.jdbc.InLists;
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
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into progress_update (recommendation_id, quarter, rag, public_update, restricted_note, proposal,
                                             proposed_target_date, evidence, submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, update.quarter(), update.rag().name(), update.publicUpdate(), update.restrictedNote(),
                        update.proposal().name(), update.proposedTargetDate(), update.evidence(), by, now)
                .update(key, "id");
        keepAsLatest(recommendationId, key, update.rag().name(), now);
    }

    /** Records a legacy register's latest public update as an imported update. */
    void insertImported(long recommendationId, ReportingQuarter quarter, String publicUpdate, String by, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into progress_update (recommendation_id, quarter, public_update, submitted_by, submitted_at, imported)
                values (?, ?, ?, ?, ?, true)""")
                .params(recommendationId, quarter.toString(), publicUpdate, by, now)
                .update(key, "id");
        keepAsLatest(recommendationId, key, null, null);
    }

    /** The recommendation's row names its latest update, its rating and when it was written (V13 says why). */
    private void keepAsLatest(long recommendationId, GeneratedKeyHolder update, String rag, OffsetDateTime writtenAt) {
        jdbc.sql("update recommendation set latest_update_id = ?, latest_rag = ?, latest_update_at = ? where id = ?")
                .params(update.getKeyAs(Number.class).longValue(), rag, writtenAt, recommendationId).update();
    }

    List<ProgressUpdate> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by submitted_at, id")
                .param(recommendationId).query(RecordRowMapper.of(ProgressUpdate.class)).list();
    }

    /** The recommendation's latest update: the one its row names (V13), as every other reader takes it. */
    Optional<ProgressUpdate> findLatest(long recommendationId) {
        return Optional.ofNullable(findLatest(List.of(recommendationId)).get(recommendationId));
    }

    /** These recommendations' latest updates, by recommendation id; one with none is left out. */
    Map<Long, ProgressUpdate> findLatest(Collection<Long> recommendationIds) {
        Map<Long, ProgressUpdate> latest = new HashMap<>();
        for (List<Long> some : InLists.of(recommendationIds)) {
            jdbc.sql(SELECT + " where id in (select latest_update_id from recommendation where id in (:ids))").param("ids", some)
                    .query(RecordRowMapper.of(ProgressUpdate.class)).list().forEach(update -> latest.put(update.recommendationId(), update));
        }
        return latest;
    }

    /** Each recommendation's latest public update, of a review's, by recommendation id. */
    Map<Long, String> latestPublicUpdates(String reviewCode) {
        Map<Long, String> updates = new HashMap<>();
        jdbc.sql("""
                select r.id, p.public_update from recommendation r join review v on v.id = r.review_id
                join progress_update p on p.id = r.latest_update_id
                where v.code = ?""")
                .param(reviewCode)
                .query((rs, row) -> updates.put(rs.getLong(1), rs.getString(2)))
                .list();
        return updates;
    }
}
