package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.support.Browser;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.People;

/**
 * The demo, driven in a real browser (headless Chromium) as people use it: an owner completes a
 * quarterly update on its Camunda Form in Tasklist, the board approves the closure it proposes,
 * and the secretariat reads the dashboard and the public summary, which now counts one more
 * resolved recommendation. Screenshots of each step are left in target/screenshots.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class BrowserJourneyTest {

    static final String HARRIS = "HARRIS-2016";
    static final String BUSINESS_KEY = HARRIS + "/2";
    static final String PASSWORD = "demo";
    /** A date as people in the UK type it: the 31st of March. */
    static final String UK_TARGET_DATE = "31/03/2027";
    /** A filter in Tasklist's list, by its name. */
    static final Function<String, By> FILTER = name -> By.xpath("//*[contains(@class, 'task-filter')]//*[normalize-space(text()) = \"" + name + "\"]");

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    /**
     * The three journeys through the register: the secretariat finds the recommendation awaiting
     * assignment and assigns it in Tasklist, typing its target date the UK way; the owner finds it
     * among its organisation's and reports, proposing closure; the board finds what awaits its
     * decision and approves. One sign-in each, for the register and Tasklist alike.
     */
    @Test
    void theSecretariatAssignsTheOwnerReportsAndTheBoardApprovesFromTheRegister() {
        HttpActor admin = HttpActor.as(http, "demo", PASSWORD);
        HttpActor secretariat = HttpActor.as(http, "sec", PASSWORD);
        String processInstanceId = (String) secretariat.tasks(BUSINESS_KEY).get(0).get("processInstanceId");

        try (Browser sec = Browser.at("http://localhost:" + port)) {
            sec.open("/");
            signIn(sec, "sec");
            sec.waitFor(By.cssSelector("select#status option[value='AWAITING_ASSIGNMENT'][selected]"));
            sec.screenshot("01-secretariat-lands-on-awaiting-assignment");
            sec.waitFor(By.id("q")).sendKeys("Harris 2");
            sec.click(By.cssSelector("form.filters button[type='submit']"));
            openRecommendation(sec);
            sec.screenshot("02-recommendation-page");
            openItsTaskInTasklist(sec);
            claim(sec);
            choose(sec, "Field_ownerGroup", "Metropolitan", "Metropolitan Police Service");
            choose(sec, "Field_ownerUser", "Lead", "Metropolitan Police Service Lead");
            // a date already passed is refused by the server, which says so at the field
            typeDate(sec, "Field_targetDate", "31/03/2020");
            sec.click(By.xpath("//button[normalize-space() = 'Complete']"));
            sec.waitForText(By.cssSelector(".fjs-form-field .stocktake-refusal"), "31 March 2020 has passed");
            sec.screenshot("03-secretariat-refused-at-the-field");
            sec.click(By.cssSelector(".page-notifications .alert-danger [ng-transclude] > button.close"));
            typeDate(sec, "Field_targetDate", UK_TARGET_DATE);
            sec.waitUntilGone(By.cssSelector(".stocktake-refusal"));
            sec.screenshot("03-secretariat-assigns-in-tasklist");
            complete(sec);
        }
        assertThat(recommendation(secretariat)).as("31/03/2027 typed in Tasklist is stored as 31 March 2027")
                .containsEntry("targetDate", "2027-03-31").containsEntry("ownerGroup", "mps");
        admin.runAsyncContinuations(processInstanceId);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");

        try (Browser owner = Browser.at("http://localhost:" + port)) {
            owner.open("/");
            signIn(owner, "mps-lead");
            owner.waitForText(By.cssSelector("main .meta"), "Your organisation's recommendations");
            owner.open("/reports/register?q=" + HARRIS + "+2");
            openRecommendation(owner);
            owner.waitForText(By.tagName("main"), "Submit progress update");
            openItsTaskInTasklist(owner);
            owner.click(By.xpath("//label[contains(normalize-space(.), 'Green: on track')]"));
            owner.waitFor(By.cssSelector("textarea[id$='Field_publicUpdate']"))
                    .sendKeys("The review of Taser deployment is complete and its findings are in force.");
            owner.click(By.cssSelector(".fjs-form-field-select"));
            owner.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space() = 'Propose closure: resolved']"));
            owner.waitFor(By.cssSelector("textarea[id$='Field_evidence']")).sendKeys("Commissioner's letter of 3 May");
            owner.screenshot("04-owner-update-form");
            complete(owner);
            // a personal filter, saved from Tasklist's own dialog: it becomes the owner's and lists their tasks
            owner.click(By.xpath("//button[contains(normalize-space(.), 'Create a filter')]"));
            owner.waitFor(By.cssSelector("input[name='filterName']")).sendKeys("My drafts");
            owner.click(By.cssSelector(".modal-dialog button[type='submit']"));
            owner.waitUntilGone(By.cssSelector(".modal-dialog"));
            owner.click(FILTER.apply("My drafts"));
            owner.waitFor(By.cssSelector(".task-filter.active .counter"));
            owner.screenshot("05-owner-personal-filter");
            // Tasklist's sign-out ends the one session: the next stop is Stocktake's sign-in page
            owner.click(By.cssSelector("li.account > a, li.account .dropdown-toggle"));
            owner.click(By.cssSelector("li.logout a"));
            owner.waitForText(By.tagName("main"), "You have signed out.");
        }
        admin.runAsyncContinuations(processInstanceId);

        try (Browser board = Browser.at("http://localhost:" + port)) {
            board.open("/");
            signIn(board, "board");
            board.waitFor(By.cssSelector("select#waiting-on option[value='oversight-board'][selected]"));
            openRecommendation(board);
            openItsTaskInTasklist(board);
            claim(board);
            board.click(By.xpath("//label[contains(normalize-space(.), 'Approve the closure')]"));
            board.waitFor(By.cssSelector("textarea[id$='Field_boardComment']")).sendKeys("Evidence seen: resolved.");
            board.screenshot("06-board-sign-off-form");
            complete(board);
        }
        admin.runAsyncContinuations(processInstanceId);
        assertThat(recommendation(secretariat)).containsEntry("status", "RESOLVED");

        try (Browser reader = Browser.at("http://localhost:" + port)) {
            reader.open("/reports");
            signIn(reader, "sec");
            reader.waitForText(By.tagName("h1"), "Reviews");
            reader.click(By.linkText("Dashboard"));
            reader.waitFor(By.id("chart-by-review"));
            assertThat(reader.pageText()).contains("Where things stand", HARRIS);
            reader.screenshot("07-dashboard");
            reader.open("/reports/reviews/" + HARRIS + "/public-summary");
            reader.waitForText(By.className("headline"), "86 of 127 recommendations (68%) resolved");
            reader.screenshot("08-public-summary");
        }

        // the owner's evidence page, now the board has closed it: no form, and why, for everyone to read
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser owner = Browser.at("http://localhost:" + port)) {
            owner.open("/");
            signIn(owner, "mps-lead");
            check(owner, "/reports/reviews/" + BUSINESS_KEY + "/evidence", "evidence-closed", violations);
            assertThat(owner.pageText()).contains("This recommendation is closed: only the secretariat and the board add files to it now.");
        }
        assertThat(violations).as("axe-core violations and sideways scrolling on the closed recommendation's evidence page").isEmpty();
    }

    /**
     * Every Stocktake page, the published ones a visitor reads included, passes axe-core's WCAG 2.2
     * A and AA rules and its best practices at a desktop's width and a phone's, and none scrolls
     * sideways down to 320 px (WCAG's reflow).
     */
    @Test
    void everyStocktakePageIsAccessibleAtDesktopAndPhoneWidths() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        HttpActor.as(http, "sec", PASSWORD).post("/api/reviews/" + HARRIS + "/publish", null);
        try (Browser visitor = Browser.at("http://localhost:" + port)) {
            check(visitor, "/public/reviews/" + HARRIS, "published-review", violations);
            check(visitor, "/public/reviews/" + HARRIS + "/29", "published-recommendation", violations);
        }
        try (Browser reader = Browser.at("http://localhost:" + port)) {
            check(reader, "/login", "sign-in", violations);
            signIn(reader, "sec");
            addEvidence(reader, "/reports/reviews/" + HARRIS + "/29/evidence");
            for (Map.Entry<String, String> page : Map.of(
                    "register", "/reports/register?status=open",
                    "register-filtered", "/reports/register?q=police&overdue=true&sort=due",
                    "recommendation", "/reports/reviews/" + HARRIS + "/29",
                    "evidence", "/reports/reviews/" + HARRIS + "/29/evidence",
                    "api", "/reports/api",
                    "reviews", "/reports",
                    "dashboard", "/reports/dashboard",
                    "board-pack", "/reports/board-pack",
                    "progress-report", "/reports/reviews/" + HARRIS + "/public-summary",
                    "not-found", "/reports/reviews/" + HARRIS + "/9999").entrySet()) {
                check(reader, page.getValue(), page.getKey(), violations);
            }
        }
        assertThat(violations).as("axe-core violations and sideways scrolling, by page and width").isEmpty();
    }

    /** axe-core at a desktop's and a phone's width; at 320 px (WCAG's reflow width) only that nothing scrolls sideways. */
    private static void check(Browser browser, String path, String name, Map<String, List<String>> violations) {
        browser.open(path);
        for (int width : new int[] {1280, 390, 320}) {
            browser.resizeTo(width);
            List<String> found = new ArrayList<>(width == 320 ? List.of() : browser.accessibilityViolations());
            if (browser.scrollsSideways()) {
                found.add("reflow: the page scrolls sideways");
            }
            if (!found.isEmpty()) {
                violations.put(path + " at " + width + " px", found);
            }
            if (width == 1280) {
                browser.screenshot("a11y-" + name);
            }
        }
    }

    /**
     * A trade body without accounts answers through the link the secretariat sent it, in a browser:
     * the form refuses an answer without its reasons at the field, then takes it; the page passes
     * axe-core at both widths, before and after the refusal.
     */
    @Test
    void anOrganisationWithoutAccountsRespondsThroughItsLink() {
        HttpActor admin = HttpActor.as(http, "demo", PASSWORD);
        HttpActor secretariat = HttpActor.as(http, "sec", PASSWORD);
        new People(admin).organisation("bvrla", "British Vehicle Rental and Leasing Association");
        secretariat.post("/api/reviews", Map.of("code", "PFD-LINK-2026", "title", "Prevention of future deaths report: vehicle hire",
                "kind", "PFD_REPORT"));
        secretariat.post("/api/reviews/PFD-LINK-2026/recommendations", Map.of("reference", "MC-18", "text",
                "Rental companies should check a hirer's purpose where a vehicle could be used as a weapon.", "addressees", List.of("bvrla")));
        Object id = secretariat.getList("/api/recommendations?review=PFD-LINK-2026").get(0).get("id");
        String url = (String) secretariat.post("/api/recommendations/" + id + "/response-links",
                Map.of("addressee", "bvrla", "email", "responses@bvrla.example")).getBody().get("url");
        String path = url.substring(url.indexOf("/respond/"));
        Map<String, List<String>> violations = new LinkedHashMap<>();

        try (Browser association = Browser.at("http://localhost:" + port)) {
            check(association, path, "response-link", violations);
            association.resizeTo(1280);
            association.screenshot("09-response-link-form");
            association.click(By.id("decision-NOT_ACCEPTED"));
            association.waitFor(By.id("responseText")).sendKeys("Our members already ask about the purpose of a hire.");
            association.click(By.cssSelector("main button[type='submit']"));
            association.waitForText(By.cssSelector(".error-summary"), "Give your reasons");
            assertThat(association.waitFor(By.id("responseText")).getDomProperty("value")).as("what was typed is kept")
                    .isEqualTo("Our members already ask about the purpose of a hire.");
            List<String> refused = association.accessibilityViolations();
            if (!refused.isEmpty()) {
                violations.put(path + " after the refusal", refused);
            }
            association.screenshot("10-response-link-refused-at-the-field");
            association.waitFor(By.id("rationale")).sendKeys("A check at the counter would not stop a determined attacker.");
            association.click(By.cssSelector("main button[type='submit']"));
            association.waitForText(By.tagName("h1"), "Thank you: your answer was recorded");
            association.screenshot("11-response-link-thanks");
        }
        assertThat(violations).as("axe-core violations and sideways scrolling on the response form").isEmpty();
        assertThat(secretariat.exchange(org.springframework.http.HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null)
                .getBody()).contains("British Vehicle Rental and Leasing Association responded through link sent to responses@bvrla.example");
    }

    /** Behind the engine's fence, Tasklist loads its filters and their task lists for every demo role, with no failure shown. */
    @Test
    void tasklistWorksForEveryDemoRole() {
        for (String user : List.of("sec", "board", "observer", "lfb-lead", "home-office-lead")) {
            try (Browser person = Browser.at("http://localhost:" + port)) {
                signInToTasklist(person, user);
                person.click(FILTER.apply("My organisation's tasks"));
                // the chosen filter shows how many tasks it holds once its list has loaded
                person.waitFor(By.cssSelector(".task-filter.active .counter"));
                assertThat(person.pageText()).as(user).doesNotContain("finished with failures", "does not have");
                person.screenshot("07-tasklist-" + user);
            }
        }
    }

    /** Adds a PDF on a recommendation's evidence page, as a person choosing a file does. */
    private static void addEvidence(Browser browser, String evidencePage) {
        try {
            Path pdf = Files.createTempDirectory("evidence").resolve("radio-trial-report.pdf");
            Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
            browser.open(evidencePage);
            browser.waitFor(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
            browser.click(By.cssSelector("main form button[type='submit']"));
            browser.waitForText(By.cssSelector("[role='status']"), "radio-trial-report.pdf was added (PDF, 1 KB).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in on Stocktake's sign-in page, where a page that needs a session sends the browser. */
    private static void signIn(Browser browser, String user) {
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.waitFor(By.id("password")).sendKeys(PASSWORD);
        browser.click(By.cssSelector("main button[type='submit']"));
        browser.waitUntilGone(By.id("password"));
    }

    /** Tasklist, where a browser without a session is first sent to Stocktake's sign-in page. */
    private static void signInToTasklist(Browser browser, String user) {
        browser.open("/camunda/app/tasklist/");
        signIn(browser, user);
    }

    /** From the register's list, the recommendation under test's own page. */
    private static void openRecommendation(Browser browser) {
        browser.click(By.linkText(BUSINESS_KEY));
        browser.waitForText(By.tagName("h1"), "Recommendation 2");
    }

    /** From a recommendation's page, its open task in Tasklist, with no second sign-in. */
    private static void openItsTaskInTasklist(Browser browser) {
        browser.click(By.linkText("Open this task in Tasklist"));
        browser.waitFor(By.xpath("//button[normalize-space() = 'Complete'] | //button[normalize-space() = 'Claim']"));
    }

    private Map<String, Object> recommendation(HttpActor actor) {
        return actor.getList("/api/recommendations?review=" + HARRIS).stream().filter(r -> "2".equals(r.get("reference"))).findFirst().orElseThrow();
    }

    /**
     * In a form's searchable list: types part of a name over what is there, then picks the choice
     * that reads so, again until the field shows it (the form may draw itself anew just after a claim).
     */
    private static void choose(Browser browser, String field, String typed, String choice) {
        By input = By.cssSelector("input[id*='" + field + "']");
        browser.until(page -> {
            if (!choice.equals(page.findElement(input).getDomProperty("value"))) {
                page.findElement(input).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, typed);
                page.findElement(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space() = '" + choice + "']")).click();
            }
            return choice.equals(page.findElement(input).getDomProperty("value"));
        });
    }

    /** Types a date over what a date field holds, as a person would, and leaves the field. */
    private static void typeDate(Browser browser, String field, String date) {
        By input = By.cssSelector("input[id*='" + field + "']");
        browser.click(input);
        browser.waitFor(input).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, date, Keys.TAB);
    }

    private static void claim(Browser browser) {
        browser.click(By.xpath("//button[normalize-space() = 'Claim'] | //a[normalize-space() = 'Claim']"));
        browser.waitFor(By.xpath("//button[normalize-space() = 'Complete']"));
    }

    private static void complete(Browser browser) {
        browser.click(By.xpath("//button[normalize-space() = 'Complete']"));
        browser.waitUntilGone(By.xpath("//button[normalize-space() = 'Complete']"));
    }
}
