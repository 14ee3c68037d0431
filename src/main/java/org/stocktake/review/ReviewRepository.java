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

    private final JdbcClient jdbc;
    /** A registration read its review three times in one transaction (its SQL log, in BENCHMARKS.md). */
    private final TransactionCache<String, Optional<Review>> byCode = new TransactionCache<>();

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewReview review, LocalDate receivedOn, LocalDate responseDueOn, OffsetDateTime now) {
        byCode.clear();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into review (code, title, kind, received_on, response_due_on, bank_holidays, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(review.code(), review.title(), review.kind().name(), receivedOn, responseDueOn, review.bankHolidaysOrDefault().name(), now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Review> findByCode(String code) {
        return byCode.get(code, () -> jdbc.sql(SELECT + " where code = ?").param(code).query(RecordRowMapper.of(Review.class)).optional());
    }

    List<Review> findAll() {
        return jdbc.sql(SELECT + " order by code").query(RecordRowMapper.of(Review.class)).list();
    }
}
