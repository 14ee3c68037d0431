package org.stocktake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RecordRowMapperTest {

    enum Rag { GREEN, RED }

    record Update(long id, String publicUpdate, Rag rag, LocalDate proposedTargetDate, OffsetDateTime submittedAt,
                  boolean imported, Long escalationId, int responseRound) {
    }

    JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource("jdbc:h2:mem:record-row-mapper", true));

    @Test
    void mapsSnakeCaseColumnsToTheRecordsComponents() {
        Update update = jdbc.sql("""
                select 7 as id, 'On track.' as public_update, 'RED' as rag, date '2027-03-31' as proposed_target_date,
                       timestamp with time zone '2026-11-22 10:00:00+00' as submitted_at, true as imported,
                       cast(null as bigint) as escalation_id, 2 as response_round""")
                .query(RecordRowMapper.of(Update.class)).single();

        assertThat(update).isEqualTo(new Update(7, "On track.", Rag.RED, LocalDate.of(2027, 3, 31),
                OffsetDateTime.parse("2026-11-22T10:00:00Z"), true, null, 2));
    }

    @Test
    void aQueryMissingAColumnNamesIt() {
        assertThatThrownBy(() -> jdbc.sql("select 7 as id").query(RecordRowMapper.of(Update.class)).single())
                .hasMessageContaining("public_update");
    }
}
