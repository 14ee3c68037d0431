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

    void insertPublication(long reviewId, boolean published, String by, OffsetDateTime now) {
        tables.sql("insert into review_publication (review_id, published, changed_by, changed_at) values (?, ?, ?, ?)")
                .params(reviewId, published, by, now).update();
    }

    /** A review's publications, oldest first. */
    List<Publication> findPublications(String code) {
        return tables.sql("""
                select v.code as review_code, p.published, p.changed_by, p.changed_at from review_publication p
                join review v on v.id = p.review_id where v.code = ? order by p.id""")
                .param(code).query(RecordRowMapper.of(Publication.class)).list();
    }

    List<Review> findAll() {
        return tables.sql(SELECT + " order by code").query(RecordRowMapper.of(Review.class)).list();
    }
}
