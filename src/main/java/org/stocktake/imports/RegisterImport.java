package org.stocktake.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.errors.NotFoundException;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;

/**
 * Imports recommendations from a file: a published list, or a legacy register with a status per
 * item. The whole file is checked first (every problem reported, nothing written); then it is
 * imported in one transaction, so an import is wholly there or wholly absent. A recommendation
 * already in Stocktake is left as it is: unchanged if the file agrees with it, a conflict if the
 * file's text differs, because the workflow, not the file, now owns its status.
 */
@Service
public class RegisterImport {

    private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);

    /** How often a running import reports its progress, which also says it is alive. */
    static final int PROGRESS_EVERY = 100;
    /** And at least this often, however slow its rows: a slow import must never be taken for a dead one. */
    static final Duration ALIVE_AT_LEAST_EVERY = Duration.ofSeconds(1);
    static final String DIED = "The node running this import stopped before it finished; nothing of it was written."
            + " Import the file again.";

    private final ImportFileReader reader;
    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final ImportJobRepository jobs;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ImportSettings settings;
    /** Background imports run one at a time on a node: an import is a long transaction. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "stocktake-import"));

    RegisterImport(ImportFileReader reader, ReviewService reviews, RecommendationService recommendations,
                   ImportJobRepository jobs, Directory directory, ApplicationEventPublisher events,
                   PlatformTransactionManager transactionManager, Clock clock, ImportSettings settings) {
        this.reader = reader;
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.jobs = jobs;
        this.directory = directory;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Checks the file and, unless it is a dry run, imports it before returning.
     *
     * @throws ImportRejectedException with every problem, when the file cannot be imported
     */
    public ImportJob run(String fileName, byte[] content, ImportOptions options, String by, ImportProgress progress) {
        Plan plan = plan(content, options);
        if (options.dryRun()) {
            return plan.checked(fileName, by, now());
        }
        long id = jobs.start(fileName, plan.rows().size(), by, now());
        apply(id, plan, by, progress);
        return get(id);
    }

    /** Checks the file now and imports it in the background; {@link #get} follows its progress. */
    public ImportJob start(String fileName, byte[] content, ImportOptions options, String by) {
        Plan plan = plan(content, options);
        if (options.dryRun()) {
            return plan.checked(fileName, by, now());
        }
        long id = jobs.start(fileName, plan.rows().size(), by, now());
        background.execute(() -> {
            try {
                apply(id, plan, by, ImportProgress.NONE);
            } catch (RuntimeException e) {
                log.warn("Import {} of {} failed and was rolled back: {}", id, fileName, e.toString());
            }
        });
        return get(id);
    }

    public ImportJob get(long id) {
        failSilentImports();
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("No import with id " + id));
    }

    /** Which import brought a recommendation in, and at what stage; empty if it was registered by hand. */
    public Optional<ImportOrigin> originOf(long recommendationId) {
        return recommendations.importedAs(recommendationId).flatMap(imported -> jobs.findById(imported.importId())
                .map(job -> new ImportOrigin(job.id(), job.fileName(), imported.status(), job.startedBy(), job.startedAt())));
    }

    /** Imports whose node died while running them are reported as failed: at start, and whenever one is looked at. */
    @EventListener(ApplicationReadyEvent.class)
    void failSilentImports() {
        int failed = jobs.failSilent(now().minus(settings.silentAfter()), DIED, now());
        if (failed > 0) {
            log.warn("{} import(s) stopped with the node running them and were marked failed; nothing of them was written", failed);
        }
    }

    @PreDestroy
    void stopBackgroundImports() {
        background.shutdownNow();
    }

    private Plan plan(byte[] content, ImportOptions options) {
        List<ImportRow> rows = reader.read(content);
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        rows.forEach(row -> {
            named.addAll(row.recommendation().addressees());
            if (row.owner() != null) {
                named.add(row.owner());
            }
        });
        List<String> unknownOrganisations = directory.unknownOrganisations(named);
        if (!options.createOrganisations() || directory.isReadOnly()) {
            for (ImportRow row : rows) {
                row.recommendation().addressees().stream().filter(unknownOrganisations::contains).forEach(id ->
                        problems.add(new ImportProblem(row.row(), "addressees", unknownOrganisation(id))));
                if (row.owner() != null && unknownOrganisations.contains(row.owner())) {
                    problems.add(new ImportProblem(row.row(), "owner", unknownOrganisation(row.owner())));
                }
            }
        }
        Map<String, Recommendation> existing = new HashMap<>();
        Map<String, Review> existingReviews = new HashMap<>();
        Set<String> lookedUp = new HashSet<>();
        for (ImportRow row : rows) {
            String code = row.review().code();
            if (lookedUp.add(code) && reviews.exists(code)) {
                existingReviews.put(code, reviews.get(code));
                recommendations.listByReview(code).forEach(recommendation -> existing.put(recommendation.businessKey(), recommendation));
            }
            Review review = existingReviews.get(code);
            if (review != null && !review.title().equals(row.review().title())) {
                problems.add(new ImportProblem(row.row(), "review_title",
                        "review " + code + " is already registered with the title \"" + review.title() + "\""));
            }
            if (review != null && row.review().bankHolidays() != null && review.bankHolidays() != row.review().bankHolidays()) {
                problems.add(new ImportProblem(row.row(), "bank_holidays",
                        "review " + code + " is already registered with the bank holidays of " + review.bankHolidays().label()));
            }
        }
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid(problems);
        }
        List<ImportProblem> conflicts = new ArrayList<>();
        for (ImportRow row : rows) {
            Recommendation recorded = existing.get(row.businessKey());
            if (recorded != null && !recorded.text().equals(row.recommendation().text())) {
                conflicts.add(new ImportProblem(row.row(), "text", differs(recorded, "text")));
            } else if (recorded != null && !Objects.equals(recorded.section(), row.recommendation().section())) {
                conflicts.add(new ImportProblem(row.row(), "section", differs(recorded, "section")));
            }
        }
        if (!conflicts.isEmpty()) {
            throw ImportRejectedException.conflicts(conflicts);
        }
        return new Plan(rows, options.createOrganisations() ? unknownOrganisations : List.of(), existing.keySet());
    }

    private String unknownOrganisation(String id) {
        return "no organisation with id " + id + (directory.isReadOnly()
                ? " (organisations come from the LDAP directory: create the group there, of type organisation)"
                : " (organisations are groups of type organisation in Camunda Admin; "
                + "import with createOrganisations=true to create the missing ones)");
    }

    private static String differs(Recommendation recorded, String column) {
        return "the " + column + " differs from " + recorded.businessKey() + " as Stocktake has it (" + recorded.status()
                + "); a recommendation already in Stocktake is not changed by an import";
    }

    private void apply(long id, Plan plan, String by, ImportProgress progress) {
        try {
            transaction.executeWithoutResult(status -> importRows(id, plan, by, progress));
        } catch (RuntimeException e) {
            jobs.fail(id, e.getMessage() == null ? e.toString() : e.getMessage(), now());
            throw e;
        }
        if (plan.rows().size() % PROGRESS_EVERY != 0) {
            progress.rowsDone(plan.rows().size(), plan.rows().size());
        }
    }

    /** The import's one transaction. */
    private void importRows(long id, Plan plan, String by, ImportProgress progress) {
        plan.organisationsToCreate().forEach(organisation -> directory.createOrganisation(organisation, organisation));
        Map<String, Review> reviewsByCode = new HashMap<>();
        int created = 0;
        int processed = 0;
        OffsetDateTime lastReported = now();
        for (ImportRow row : plan.rows()) {
            if (!plan.existing().contains(row.businessKey())) {
                create(row, reviewsByCode, id, by);
                created++;
            }
            processed++;
            boolean hundred = processed % PROGRESS_EVERY == 0;
            if (hundred || now().isAfter(lastReported.plus(ALIVE_AT_LEAST_EVERY))) {
                lastReported = now();
                jobs.progress(id, processed, lastReported);
            }
            if (hundred) {
                progress.rowsDone(processed, plan.rows().size());
            }
        }
        jobs.complete(id, created, plan.rows().size() - created, now());
    }

    private void create(ImportRow row, Map<String, Review> reviewsByCode, long importId, String by) {
        Review review = reviewsByCode.computeIfAbsent(row.review().code(),
                code -> reviews.exists(code) ? reviews.get(code) : reviews.create(row.review()));
        // without an owner, work on an accepted recommendation waits for the secretariat to assign one
        RecommendationStatus status = row.status() == RecommendationStatus.IN_PROGRESS && row.owner() == null
                ? RecommendationStatus.AWAITING_ASSIGNMENT : row.status();
        long recommendationId = recommendations.registerImported(review, row.recommendation(), status, row.owner(), importId,
                row.update(), ReportingQuarter.containing(LocalDate.now(clock)), by);
        events.publishEvent(new RecommendationImported(recommendationId, row.businessKey(), status, row.owner()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A checked file: its rows, the organisations to create, and the recommendations already in Stocktake. */
    private record Plan(List<ImportRow> rows, List<String> organisationsToCreate, Set<String> existing) {

        ImportJob checked(String fileName, String by, OffsetDateTime now) {
            int unchanged = (int) rows.stream().filter(row -> existing.contains(row.businessKey())).count();
            return new ImportJob(null, fileName, ImportJob.Status.CHECKED, rows.size(), 0, rows.size() - unchanged, unchanged,
                    null, by, now, now);
        }
    }
}
