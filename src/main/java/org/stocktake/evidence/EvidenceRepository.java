package org.stocktake.evidence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class EvidenceRepository {

    private static final String SELECT = """
            select id, recommendation_id, file_name, content_type, size_bytes, sha256, published, uploaded_by, uploaded_at
            from evidence_file""";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long recommendationId, String fileName, String contentType, byte[] content, String sha256, boolean published, String by,
                OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evidence_file (recommendation_id, file_name, content_type, size_bytes, sha256, published, uploaded_by,
                                           uploaded_at, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recommendationId, fileName, contentType, content.length, sha256, published, by, now, content)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<EvidenceFile> findByRecommendation(long recommendationId) {
        return jdbc.sql(SELECT + " where recommendation_id = ? order by id").param(recommendationId)
                .query(RecordRowMapper.of(EvidenceFile.class)).list();
    }

    Optional<EvidenceFile> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(RecordRowMapper.of(EvidenceFile.class)).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from evidence_file where id = ?").param(id).query((row, n) -> row.getBytes(1)).single();
    }

    void insertSignOff(long recommendationId, long evidenceId, String sha256, String by, OffsetDateTime now) {
        jdbc.sql("insert into evidence_sign_off (recommendation_id, evidence_id, sha256, signed_off_by, signed_off_at) values (?, ?, ?, ?, ?)")
                .params(recommendationId, evidenceId, sha256, by, now).update();
    }

    List<EvidenceSignOff> findSignOffs(long recommendationId) {
        return jdbc.sql("""
                select s.evidence_id, f.file_name, s.sha256, s.signed_off_by, s.signed_off_at
                from evidence_sign_off s join evidence_file f on f.id = s.evidence_id
                where s.recommendation_id = ? order by s.id""")
                .param(recommendationId).query(RecordRowMapper.of(EvidenceSignOff.class)).list();
    }
}
