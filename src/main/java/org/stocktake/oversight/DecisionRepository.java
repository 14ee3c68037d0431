package org.stocktake.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DecisionRepository {

    private static final String SELECT = """
            select id, recommendation_id, kind, outcome, comment, escalation_id, changes, decided_by, decided_at
            from decision""";

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
        return jdbc.sql(SELECT + " where recommendation_id = ? order by decided_at, id").param(recommendationId)
                .query(this::decision).list();
    }

    /** The decisions taken from {@code from} (inclusive) until {@code until} (exclusive), oldest first. */
    List<Decision> findBetween(OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql(SELECT + " where decided_at >= ? and decided_at < ? order by decided_at, id").params(from, until)
                .query(this::decision).list();
    }

    private Decision decision(ResultSet rs, int row) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getLong("recommendation_id"),
                DecisionKind.valueOf(rs.getString("kind")), rs.getString("outcome"), rs.getString("comment"),
                rs.getObject("escalation_id", Long.class), read(rs.getString("changes")),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
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
