package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.jdbc.InLists;
import org.stocktake.jdbc.RecordRowMapper;
import org.stocktake.jdbc.TransactionCache;

@Repository
class RecommendationRepository {

    private static final String SELECT = """
            select r.id, v.code as review_code, r.reference, r.section, r.text, r.status,
                   r.owner_group, r.owner_user, r.target_date, r.response_due_on, v.bank_holidays, r.response_round, r.version
            from recommendation r join review v on v.id = r.review_id""";

    /**
     * The tables, with each recommendation read kept for the rest of the transaction: one engine step
     * reads it several times (the model's expressions, its listeners).
     */
    private final TransactionCache<Long, Optional<Recommendation>> tables;

    RecommendationRepository(JdbcClient jdbc) {
        this.tables = new TransactionCache<>(jdbc);
    }

    /** Inserts a recommendation at a stage; {@code importId} names the import that brought it in, if one did. */
    long insert(long reviewId, NewRecommendation recommendation, RecommendationStatus status, String ownerGroup,
                LocalDate responseDueOn, Long importId, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        tables.sql("""
                insert into recommendation (review_id, reference, section, text, status, owner_group, response_due_on,
                                            import_id, imported_status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reviewId, recommendation.reference(), recommendation.section(), recommendation.text(),
                        status.name(), ownerGroup, responseDueOn, importId, importId == null ? null : status.name(), now, now)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        List<String> addressees = recommendation.addressees();
        for (int i = 0; i < addressees.size(); i++) {
            tables.sql("insert into recommendation_addressee (recommendation_id, organisation, ordinal) values (?, ?, ?)")
                    .params(id, addressees.get(i), i)
                    .update();
        }
        return id;
    }

    Optional<RecommendationService.ImportedAs> importedAs(long id) {
        return tables.sql("select import_id, imported_status from recommendation where id = ? and import_id is not null")
                .param(id).query((row, n) -> new RecommendationService.ImportedAs(row.getLong("import_id"),
                        RecommendationStatus.valueOf(row.getString("imported_status")))).optional();
    }

    boolean existsReference(long reviewId, String reference) {
        return tables.sql("select count(*) from recommendation where review_id = ? and reference = ?")
                .params(reviewId, reference).query(Long.class).single() > 0;
    }

    Optional<Recommendation> findById(long id) {
        return tables.get(id, () -> withAddressees(tables.sql(SELECT + " where r.id = ?").param(id).query(RecordRowMapper.of(Row.class)).list(),
                addresseesWhere("a.recommendation_id = ?", id)).stream().findFirst());
    }

    List<Recommendation> findByReview(String reviewCode) {
        return withAddressees(tables.sql(SELECT + " where v.code = ? order by r.id").param(reviewCode).query(RecordRowMapper.of(Row.class)).list(),
                addresseesWhere("v.code = ?", reviewCode));
    }

    Optional<Recommendation> findByBusinessKey(String reviewCode, String reference) {
        return withAddressees(tables.sql(SELECT + " where v.code = ? and r.reference = ?").params(reviewCode, reference)
                .query(RecordRowMapper.of(Row.class)).list(), addresseesWhere("v.code = ? and r.reference = ?", reviewCode, reference))
                .stream().findFirst();
    }

    /** Open recommendations whose latest progress update is rated RED. */
    List<Long> findOpenRatedRed() {
        return tables.sql("""
                select r.id from recommendation r
                where r.latest_rag = 'RED' and r.status in ('IN_PROGRESS', 'CLOSURE_PROPOSED')
                order by r.id""").query(Long.class).list();
    }

    /**
     * A review's recommendations with their latest public update, read without any restricted
     * column. An imported update has no date: the day it was imported is not the day it was written.
     */
    List<PublishedRecommendation> findPublished(String reviewCode) {
        return tables.sql("""
                select r.reference, r.section, r.text, r.status, r.owner_group, r.target_date, r.original_target_date, u.public_update,
                       case when u.imported then null else u.submitted_at end as updated_at
                from recommendation r
                join review v on v.id = r.review_id
                left join progress_update u on u.id = r.latest_update_id
                where v.code = ?
                order by r.id""")
                .param(reviewCode).query(RecordRowMapper.of(PublishedRecommendation.class)).list();
    }

    /**
     * The recommendations within a scope ({@link VisibleScope}) with their latest rating, without
     * any restricted column, and without their text and latest public update: a register lists a
     * page of them, read by {@link #findRegisterTexts}. In no order: the register sorts them as asked.
     */
    List<RegisterEntry> findRegister(Optional<Set<String>> scope) {
        Map<String, Object> parameters = new HashMap<>();
        return tables.sql("""
                select r.id, v.code as review_code, r.reference, r.status, r.owner_group, r.target_date, r.original_target_date,
                       r.date_at_risk_since, r.latest_rag, r.latest_update_at
                from recommendation r join review v on v.id = r.review_id
                where %s""".formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters)
                .query((row, n) -> new RegisterEntry(row.getLong("id"), row.getString("review_code"), row.getString("reference"),
                        RecommendationStatus.valueOf(row.getString("status")), row.getString("owner_group"),
                        row.getObject("target_date", LocalDate.class), row.getObject("original_target_date", LocalDate.class),
                        row.getObject("date_at_risk_since", OffsetDateTime.class) != null,
                        row.getString("latest_rag") == null ? null : Rag.valueOf(row.getString("latest_rag")),
                        row.getObject("latest_update_at", OffsetDateTime.class)))
                .list();
    }

    /** The organisations that are addressees of the recommendations within a scope. */
    Set<String> findAddresseeOrganisations(Optional<Set<String>> scope) {
        if (scope.isEmpty()) {
            return Set.copyOf(tables.sql("select distinct organisation from recommendation_addressee").query(String.class).list());
        }
        Map<String, Object> parameters = new HashMap<>();
        return Set.copyOf(tables.sql("""
                select distinct x.organisation from recommendation_addressee x join recommendation r on r.id = x.recommendation_id
                where %s""".formatted(VisibleScope.condition(scope, parameters)))
                .params(parameters).query(String.class).list());
    }

    /** These recommendations' texts and latest public updates, by id. */
    Map<Long, RegisterText> findRegisterTexts(Collection<Long> ids) {
        Map<Long, RegisterText> texts = new HashMap<>();
        for (List<Long> some : InLists.of(ids)) {
            tables.sql("""
                    select r.id, r.text, u.public_update from recommendation r left join progress_update u on u.id = r.latest_update_id
                    where r.id in (:ids)""")
                    .param("ids", some)
                    .query((row, n) -> texts.put(row.getLong("id"), new RegisterText(row.getString("text"), row.getString("public_update"))))
                    .list();
        }
        return texts;
    }

    /** These recommendations, by id; an id of none is left out. */
    Map<Long, Recommendation> findByIds(Collection<Long> ids) {
        Map<Long, Recommendation> found = new HashMap<>();
        for (List<Long> some : InLists.of(ids)) {
            Map<Long, List<String>> addressees = new HashMap<>();
            tables.sql("select recommendation_id, organisation from recommendation_addressee where recommendation_id in (:ids) order by recommendation_id, ordinal")
                    .param("ids", some)
                    .query((rs, row) -> addressees.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
            tables.sql(SELECT + " where r.id in (:ids)").param("ids", some).query(RecordRowMapper.of(Row.class)).list()
                    .forEach(row -> found.put(row.id(), row.toRecommendation(addressees.getOrDefault(row.id(), List.of()))));
        }
        return found;
    }

    /** The ids of these recommendations, by business key; a key of none is left out. */
    Map<String, Long> findIdsByBusinessKeys(Collection<String> businessKeys) {
        Set<String> wanted = Set.copyOf(businessKeys);
        // a review's code has no slash (Review.CODE_PATTERN); a reference may
        Set<String> reviewCodes = wanted.stream().filter(key -> key.indexOf('/') > 0).map(key -> key.substring(0, key.indexOf('/')))
                .collect(Collectors.toSet());
        Map<String, Long> ids = new HashMap<>();
        for (List<String> some : InLists.of(reviewCodes)) {
            tables.sql("select r.id, v.code, r.reference from recommendation r join review v on v.id = r.review_id where v.code in (:codes)")
                    .param("codes", some)
                    .query((row, n) -> {
                        String key = Recommendation.businessKey(row.getString("code"), row.getString("reference"));
                        return wanted.contains(key) ? ids.put(key, row.getLong("id")) : null;
                    })
                    .list();
        }
        return ids;
    }

    /**
     * The recommendations every one of the words is found in: as the reference, in the review's
     * code or title, in the text, or in any public update. Restricted notes are never searched, so
     * a search cannot tell anyone what one says.
     */
    List<Long> findMatching(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        String oneWord = """
                (lower(r.reference) = ? or lower(v.code) like ? escape '\\' or lower(v.title) like ? escape '\\'
                 or lower(r.text) like ? escape '\\'
                 or exists (select 1 from progress_update p where p.recommendation_id = r.id and lower(p.public_update) like ? escape '\\'))""";
        List<Object> parameters = new ArrayList<>();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            String within = "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.addAll(List.of(lower, within, within, within, within));
        }
        return tables.sql("select r.id from recommendation r join review v on v.id = r.review_id where "
                        + String.join(" and ", Collections.nCopies(words.size(), oneWord)))
                .params(parameters).query(Long.class).list();
    }

    Optional<OffsetDateTime> lastChangedAt(String reviewCode) {
        return Optional.ofNullable(tables.sql("select max(r.updated_at) from recommendation r join review v on v.id = r.review_id where v.code = ?")
                .param(reviewCode).query(OffsetDateTime.class).single());
    }

    Map<RecommendationStatus, Long> countByStatus(String reviewCode) {
        Map<RecommendationStatus, Long> counts = new LinkedHashMap<>();
        for (RecommendationStatus status : RecommendationStatus.values()) {
            counts.put(status, 0L);
        }
        tables.sql("""
                select r.status, count(*) as n from recommendation r join review v on v.id = r.review_id
                where v.code = ? group by r.status""")
                .param(reviewCode)
                .query((rs, row) -> counts.put(RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * Takes the recommendation for a change, if it is still the version that was read: true when
     * taken. The row stays locked until the transaction ends, so a concurrent change waits for it
     * and then finds the version moved on.
     */
    boolean claim(long id, int version, OffsetDateTime now) {
        return tables.sql("update recommendation set version = version + 1, updated_at = ? where id = ? and version = ?")
                .params(now, id, version).update() == 1;
    }

    /** As {@link #claim}, for work that changes nothing its readers see: the version moves on, the last change stays. */
    boolean claimUnchanged(long id, int version) {
        return tables.sql("update recommendation set version = version + 1 where id = ? and version = ?").params(id, version).update() == 1;
    }

    void updateStatus(long id, RecommendationStatus status, OffsetDateTime now) {
        tables.sql("update recommendation set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(status.name(), now, id).update();
    }

    void updateOwner(long id, String ownerGroup, String ownerUser, OffsetDateTime now) {
        tables.sql("update recommendation set owner_group = ?, owner_user = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(ownerGroup, ownerUser, now, id).update();
    }

    void updateTargetDate(long id, LocalDate targetDate, OffsetDateTime now) {
        tables.sql("update recommendation set target_date = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(targetDate, now, id).update();
    }

    void startResponseRound(long id, LocalDate responseDueOn, OffsetDateTime now) {
        tables.sql("""
                update recommendation set status = ?, response_due_on = ?, response_round = response_round + 1,
                       updated_at = ?, version = version + 1 where id = ?""")
                .params(RecommendationStatus.AWAITING_RESPONSE.name(), responseDueOn, now, id).update();
    }

    private Map<Long, List<String>> addresseesWhere(String condition, Object... parameters) {
        Map<Long, List<String>> addressees = new LinkedHashMap<>();
        tables.sql("""
                select a.recommendation_id, a.organisation from recommendation_addressee a
                join recommendation r on r.id = a.recommendation_id join review v on v.id = r.review_id
                where %s order by a.recommendation_id, a.ordinal""".formatted(condition))
                .params(parameters)
                .query((rs, row) -> addressees.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return addressees;
    }

    private static List<Recommendation> withAddressees(List<Row> rows, Map<Long, List<String>> addressees) {
        return rows.stream().map(row -> row.toRecommendation(addressees.getOrDefault(row.id(), List.of()))).toList();
    }

    /** A recommendation row before its addressees are joined in. */
    record Row(long id, String reviewCode, String reference, String section, String text, RecommendationStatus status,
               String ownerGroup, String ownerUser, LocalDate targetDate, LocalDate responseDueOn, BankHolidays bankHolidays,
               int responseRound, int version) {

        Recommendation toRecommendation(List<String> addressees) {
            return new Recommendation(id, reviewCode, reference, section, text, status, List.copyOf(addressees),
                    ownerGroup, ownerUser, targetDate, responseDueOn, bankHolidays, responseRound, version);
        }
    }
}
