package org.stocktake.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.stocktake.imports.ImportJob;
import org.stocktake.imports.ImportOptions;
import org.stocktake.imports.ImportProgress;
import org.stocktake.imports.RegisterImport;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewKind;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;
import org.stocktake.security.Roles;

/**
 * The demo profile's people and a small review, created at first start so Tasklist shows tasks at
 * once. Every password is {@value #PASSWORD}; the administrator {@code demo} comes from
 * {@code camunda.bpm.admin-user} in application-demo.yml. Two reviews: {@code DEMO-2016}, four
 * Harris recommendations addressed to organisations, so their leads have responses to give; and
 * the whole Harris Review as its progress report one year on left it ({@value #HARRIS_FILE}, see
 * demo/README.md), imported, so the secretariat has its 42 open recommendations to assign.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String REVIEW_CODE = "DEMO-2016";
    static final String HARRIS_CODE = "HARRIS-2016";
    static final String HARRIS_FILE = "demo/harris-review-2016.csv";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("home-office", "Home Office"),
            new DemoOrganisation("mps", "Metropolitan Police Service"),
            new DemoOrganisation("lfb", "London Fire Brigade"),
            new DemoOrganisation("dft", "Department for Transport"),
            new DemoOrganisation("tfl", "Transport for London"));

    private final Directory directory;
    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final RegisterImport imports;
    private final Clock clock;

    DemoData(Directory directory, ReviewService reviews, RecommendationService recommendations, RegisterImport imports, Clock clock) {
        this.directory = directory;
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        createPeople();
        if (!reviews.exists(REVIEW_CODE)) {
            createReview();
            log.info("Demo review {} created: sign in to Tasklist as mps-lead, lfb-lead, tfl-lead, dft-lead or sec (password {})",
                    REVIEW_CODE, PASSWORD);
        }
        if (!reviews.exists(HARRIS_CODE)) {
            ImportJob harris = importHarrisReview();
            log.info("Demo review {} imported from {}: {} recommendations", HARRIS_CODE, HARRIS_FILE, harris.created());
        }
    }

    private ImportJob importHarrisReview() throws IOException {
        try (InputStream file = new ClassPathResource(HARRIS_FILE).getInputStream()) {
            return imports.run("harris-review-2016.csv", file.readAllBytes(), new ImportOptions(false, false), "demo",
                    ImportProgress.NONE);
        }
    }

    private void createPeople() {
        createUserIfAbsent("sec", "Sam", "Secretariat", Roles.SECRETARIAT);
        createUserIfAbsent("board", "Bea", "Board", Roles.OVERSIGHT_BOARD);
        createUserIfAbsent("observer", "Olu", "Observer", Roles.OBSERVER);
        for (DemoOrganisation organisation : ORGANISATIONS) {
            if (!directory.organisationExists(organisation.id())) {
                directory.createOrganisation(organisation.id(), organisation.name());
            }
            createUserIfAbsent(organisation.id() + "-lead", organisation.name(), "Lead", organisation.id());
        }
    }

    private void createUserIfAbsent(String userId, String firstName, String lastName, String groupId) {
        if (!directory.userExists(userId)) {
            directory.createUser(userId, firstName, lastName, userId + "@stocktake.example", PASSWORD, groupId);
        }
    }

    private void createReview() {
        reviews.create(new NewReview(REVIEW_CODE, "Demonstration: four recommendations of the Harris Review (2016)",
                ReviewKind.REVIEW, LocalDate.now(clock).minusDays(30)));
        register("29", "Mayoralty", List.of("mps"), "The Mayor and the Commissioner should give joint consideration to "
                + "whether there is a case for equipping more, properly trained and supervised, officers with CEDs (Taser).");
        register("48", "Mayoralty", List.of("lfb"), "There should be no delay in implementing the new training for LFB "
                + "personnel, and there should be a strategic approach to this training to ensure that the training is rolled "
                + "out to those officers most likely to find themselves on the scene of an attack, based on assessments by the "
                + "police and others, before other officers are trained subsequently.");
        register("64", "Other", List.of("tfl", "dft"), "It is important that CCTV is also available on all underground and "
                + "mainline trains, and options for ensuring a suitable system, enabling operational commanders to have access "
                + "in the event of an emergency, should be explored.");
        register("100", "Other", List.of(), "The work to develop specially trained chairs for the SCG should continue "
                + "urgently, with agreement reached quickly on who they are and training and communication begun as soon as possible.");
    }

    private void register(String reference, String section, List<String> addressees, String text) {
        recommendations.register(REVIEW_CODE, new NewRecommendation(reference, section, text, addressees));
    }

    private record DemoOrganisation(String id, String name) {
    }
}
