package org.stocktake.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;

@Repository
class BoardPackRepository {

    private final JdbcClient jdbc;

    BoardPackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored pack: its quarter, when it was produced and the page as it was. */
    record StoredPack(String quarter, OffsetDateTime producedAt, String html) {
    }

    /** A stored pack without its page, for listing. */
    record PackProduced(String quarter, OffsetDateTime producedAt) {
    }

    boolean exists(String quarter) {
        return jdbc.sql("select count(*) from board_pack where quarter = ?").param(quarter).query(Long.class).single() > 0;
    }

    void insert(String quarter, OffsetDateTime producedAt, String html) {
        jdbc.sql("insert into board_pack (quarter, produced_at, html) values (?, ?, ?)").params(quarter, producedAt, html).update();
    }

    Optional<StoredPack> find(String quarter) {
        return jdbc.sql("select quarter, produced_at, html from board_pack where quarter = ?").param(quarter)
                .query(RecordRowMapper.of(StoredPack.class)).optional();
    }

    List<PackProduced> list() {
        return jdbc.sql("select quarter, produced_at from board_pack order by quarter desc").query(RecordRowMapper.of(PackProduced.class)).list();
    }
}
