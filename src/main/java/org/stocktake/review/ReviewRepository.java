package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.jdbc.RecordRowMapper;
import org.stocktake.jdbc.TransactionCache;

@Repository
class ReviewRepository {

    private static final String SELECT = "select id, code, title, kind, received_on, response_due_on, bank_holidays from review";

    /** The tables, with each review read kept for the rest of the transaction: a registration reads it three times. */
    private final TransactionCache<String, Optional<Review>> tables;

    ReviewRepository(JdbcClient jdbc) {
        this.tables = new TransactionCache<>(jdbc);
    }

    long insert(NewReview review, LocalDate receivedOn, LocalDate responseDueOn, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        tables.sql("""
                insert into review (code, title, kind, received_on, response_due_on, bank_holidays, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(review.code(), review.title(), review.kind().name(), receivedOn, responseDueOn, review.bankHolidaysOrDefault().name(), now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Review> findByCode(String code) {
        return tables.get(code, () -> tables.sql(SELECT + " where code = ?").param(code).query(RecordRowMapper.of(Review.class)).optional());
    }

    List<Review> findAll() {
        return tables.sql(SELECT + " order by code").query(RecordRowMapper.of(Review.class)).list();
    }
}
