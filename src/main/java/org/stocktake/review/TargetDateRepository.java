package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.InLists;
import org.stocktake.jdbc.RecordRowMapper;

/** A recommendation's original target date, its revisions, and whether its owner has said it will be missed. */
@Repository
class TargetDateRepository {

    private final JdbcClient jdbc;

    TargetDateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TargetDates find(long recommendationId) {
        List<TargetDateRevision> revisions = jdbc.sql("""
                select previous_date, revised_date, reason, asked_by, asked_at, agreed_by, agreed_at
                from target_date_revision where recommendation_id = ? order by id""")
                .param(recommendationId).query(RecordRowMapper.of(TargetDateRevision.class)).list();
        return jdbc.sql("select original_target_date, target_date, date_at_risk_since from recommendation where id = ?")
                .param(recommendationId)
                .query((row, n) -> new TargetDates(row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class),
                        row.getObject(3, OffsetDateTime.class), revisions))
                .single();
    }

    /** These recommendations' target dates, by id. */
    Map<Long, TargetDates> findAll(Collection<Long> recommendationIds) {
        Map<Long, TargetDates> found = new HashMap<>();
        // a mapper learns its query's columns from the first row
        RecordRowMapper<TargetDateRevision> revision = RecordRowMapper.of(TargetDateRevision.class);
        for (List<Long> some : InLists.of(recommendationIds)) {
            Map<Long, List<TargetDateRevision>> revisions = new HashMap<>();
            jdbc.sql("""
                    select recommendation_id, previous_date, revised_date, reason, asked_by, asked_at, agreed_by, agreed_at
                    from target_date_revision where recommendation_id in (:ids) order by id""")
                    .param("ids", some)
                    .query((row, n) -> revisions.computeIfAbsent(row.getLong("recommendation_id"), id -> new ArrayList<>())
                            .add(revision.mapRow(row, n)))
                    .list();
            jdbc.sql("select id, original_target_date, target_date, date_at_risk_since from recommendation where id in (:ids)")
                    .param("ids", some)
                    .query((row, n) -> found.put(row.getLong(1), new TargetDates(row.getObject(2, LocalDate.class),
                            row.getObject(3, LocalDate.class), row.getObject(4, OffsetDateTime.class),
                            List.copyOf(revisions.getOrDefault(row.getLong(1), List.of())))))
                    .list();
        }
        return found;
    }

    /** The first target date set is kept as the original for good. */
    void keepAsOriginal(long recommendationId, LocalDate targetDate) {
        jdbc.sql("update recommendation set original_target_date = ? where id = ? and original_target_date is null")
                .params(targetDate, recommendationId).update();
    }

    void insertRevision(long recommendationId, TargetDateRevision revision) {
        jdbc.sql("""
                insert into target_date_revision (recommendation_id, previous_date, revised_date, reason, asked_by, asked_at,
                                                  agreed_by, agreed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, revision.previousDate(), revision.revisedDate(), revision.reason(), revision.askedBy(),
                        revision.askedAt(), revision.agreedBy(), revision.agreedAt())
                .update();
    }

    void markAtRisk(long recommendationId, OffsetDateTime since) {
        jdbc.sql("update recommendation set date_at_risk_since = ? where id = ? and date_at_risk_since is null")
                .params(since, recommendationId).update();
    }

    void clearAtRisk(long recommendationId) {
        jdbc.sql("update recommendation set date_at_risk_since = null where id = ?").param(recommendationId).update();
    }
}
