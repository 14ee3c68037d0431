package org.stocktake.oversight;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DecisionRepository {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DecisionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(long recommendationId, DecisionKind kind, Enum<?> outcome, String comment, Long escalationId,
                List<Change> changes, String by, OffsetDateTime now) {
        jdbc.sql("""
                insert into decision (recommendation_id, kind, outcome, comment, escalation_id, changes, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, kind.name(), outcome.name(), comment, escalationId, write(changes), by, now)
                .update();
    }

    List<Decision> findByRecommendation(long recommendationId) {
        return jdbc.sql("""
                select id, recommendation_id, kind, outcome, comment, escalation_id, changes, decided_by, decided_at
                from decision where recommendation_id = ? order by decided_at, id""")
                .param(recommendationId)
                .query((rs, row) -> new Decision(rs.getLong("id"), rs.getLong("recommendation_id"),
                        DecisionKind.valueOf(rs.getString("kind")), rs.getString("outcome"), rs.getString("comment"),
                        rs.getObject("escalation_id", Long.class), read(rs.getString("changes")),
                        rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }

    private String write(List<Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write decision changes", e);
        }
    }

    private List<Change> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored decision changes are not JSON: " + changes, e);
        }
    }
}
