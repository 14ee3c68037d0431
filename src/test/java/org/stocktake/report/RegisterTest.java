package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The register and a recommendation's own page, as each role sees them: only what the person may
 * see, found by number, words or filters, each view at an address of its own and as CSV; the page
 * at the address people say, with its restricted note and protective marking only for those who
 * may read it.
 */
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterTest {

    static final String REVIEW = Unique.reviewCode("REG");
    static final Pattern LISTED = Pattern.compile("<strong>" + Pattern.quote(REVIEW) + "/([^<]+)</strong>");

    @Autowired
    TestRestTemplate http;

    HttpActor secretariat;
    long ownedId;

    @BeforeAll
    void registerFourRecommendations() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("reg-a", "Agency Alpha").organisation("reg-b", "Borough Beta")
                .user("reg-a-lead", "reg-a").user("reg-b-lead", "reg-b").user("reg-sec", "secretariat").user("reg-observer", "observer");
        secretariat = HttpActor.as(http, "reg-sec", People.PASSWORD);
        HttpActor alpha = HttpActor.as(http, "reg-a-lead", People.PASSWORD);
        new Journey(secretariat, admin).review(REVIEW, "REVIEW").toFirstUpdate(REVIEW, "1", "reg-a", alpha);
        Map<String, Object> update = alpha.tasks(REVIEW + "/1").get(0);
        assertThat(alpha.submitForm((String) update.get("id"), Map.of("rag", "AMBER", "publicUpdate", "Sirens tested at every station.",
                "restrictedNote", "Budget line 4711 overspent.", "proposal", "CONTINUE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations((String) update.get("processInstanceId"));
        register("2", "Publish the plan.", "reg-b");
        register("3", "Review the siren network in the Thames estuary.", "reg-b");
        register("10", "Train every control room.", "reg-a");
        ownedId = ((Number) secretariat.getList("/api/recommendations?review=" + REVIEW).stream()
                .filter(recommendation -> "1".equals(recommendation.get("reference"))).findFirst().orElseThrow().get("id")).longValue();
    }

    @Test
    void eachPersonSeesOnlyWhatTheyMayInNumberOrder() {
        assertThat(listed(as("reg-sec"), "review=" + REVIEW)).containsExactly("1", "2", "3", "10");
        ResponseEntity<String> alpha = as("reg-a-lead").get("/reports/register?review=" + REVIEW);
        assertThat(listed(alpha.getBody())).containsExactly("1", "10");
        assertThat(alpha.getBody()).contains("Your organisation&#39;s recommendations", "Agency Alpha", "Amber: at risk")
                .doesNotContain("Borough Beta", "Thames");
    }

    @Test
    void aSearchFindsNumbersWordsAndPublicUpdatesButNeverRestrictedNotes() {
        PageSession observer = as("reg-observer");
        assertThat(listed(observer, "q=thames")).containsExactly("3");
        assertThat(listed(observer, "q=SIREN+" + REVIEW)).containsExactly("1", "3");
        assertThat(listed(observer, "q=" + REVIEW + "+10")).first().isEqualTo("10");
        assertThat(listed(observer, "q=4711")).isEmpty();
        assertThat(listed(as("reg-sec"), "q=overspent")).isEmpty();
    }

    @Test
    void filtersCombineAndEachViewHasItsOwnAddressAndCsv() {
        PageSession sec = as("reg-sec");
        assertThat(listed(sec, "review=" + REVIEW + "&status=AWAITING_RESPONSE")).containsExactly("2", "3", "10");
        assertThat(listed(sec, "review=" + REVIEW + "&owner=reg-a")).containsExactly("1");
        assertThat(listed(sec, "review=" + REVIEW + "&rag=AMBER")).containsExactly("1");
        assertThat(listed(sec, "review=" + REVIEW + "&waiting-on=reg-b")).containsExactly("2", "3");
        assertThat(listed(sec, "review=" + REVIEW + "&status=open&sort=status")).containsExactly("2", "3", "10", "1");

        String page = sec.get("/reports/register?review=" + REVIEW + "&waiting-on=reg-b").getBody();
        assertThat(page).contains("selected=\"selected\">Borough Beta", "href=\"/reports/register?review=" + REVIEW + "&amp;waiting-on=reg-b&amp;format=csv\"");
        ResponseEntity<String> csv = sec.get("/reports/register?review=" + REVIEW + "&waiting-on=reg-b&format=csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().lines().toList()).hasSize(3).first().asString()
                .startsWith("review,reference,status,owner,target_date,original_target_date,off_track,next_due,overdue,latest_rag");
        assertThat(csv.getBody()).contains(REVIEW + ",2,AWAITING_RESPONSE,", REVIEW + ",3,AWAITING_RESPONSE,").doesNotContain("Budget");
    }

    @Test
    void aFilterThatCannotBeReadIsRefusedNamingIt() {
        ResponseEntity<String> refused = as("reg-sec").get("/reports/register?status=HALF_DONE");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("status", "must be one of", "awaiting_response");
        assertThat(as("reg-sec").get("/reports/register?due-within=-1").getBody()).contains("due-within");
        ResponseEntity<String> tooLong = as("reg-sec").get("/reports/register?q=" + "word+".repeat(60));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).contains("longer than 200 characters");
    }

    @Test
    void aRecommendationsPageIsAtItsSpokenAddressAndTellsWhatHappensNext() {
        ResponseEntity<String> owner = as("reg-a-lead").get("/reports/reviews/" + REVIEW + "/1");

        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(owner.getBody()).contains("<h1>Recommendation 1</h1>", "Recommendation 1.", "Agency Alpha", "Amber: at risk",
                "Sirens tested at every station.", "What happens next", "The next quarterly update opens for the owner",
                "Budget line 4711 overspent.", "class=\"protective-marking\"", "Owner assigned");
        ResponseEntity<String> observer = as("reg-observer").get("/reports/reviews/" + REVIEW + "/1");
        assertThat(observer.getBody()).contains("Sirens tested at every station.").doesNotContain("4711", "protective-marking\"");
        ResponseEntity<String> waiting = as("reg-sec").get("/reports/reviews/" + REVIEW + "/2");
        assertThat(waiting.getBody()).contains("Record response", "waiting on Borough Beta", "Open this task in Tasklist", "Reminder to the addressee");
    }

    @Test
    void theProgressReportLinksEachRecommendationTheReaderMaySeeToItsPage() {
        String report = as("reg-a-lead").get("/reports/reviews/" + REVIEW + "/public-summary").getBody();
        assertThat(report).contains("href=\"/reports/reviews/" + REVIEW + "/1\"", "href=\"/reports/reviews/" + REVIEW + "/10\"", "Publish the plan.")
                .doesNotContain("href=\"/reports/reviews/" + REVIEW + "/2\"");
    }

    @Test
    void anotherOrganisationsRecommendationIsNotFoundAndTheOldAddressLeadsToTheNewOne() {
        assertThat(as("reg-b-lead").get("/reports/reviews/" + REVIEW + "/1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> someoneElses = as("reg-b-lead").get("/reports/recommendations/" + ownedId);
        ResponseEntity<String> nobodys = as("reg-b-lead").get("/reports/recommendations/" + (ownedId + 1_000_000));
        assertThat(someoneElses.getStatusCode()).isEqualTo(nobodys.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(main(someoneElses.getBody())).as("no different words for another's than for nobody's")
                .isEqualTo(main(nobodys.getBody()).replace(String.valueOf(ownedId + 1_000_000), String.valueOf(ownedId)));
        ResponseEntity<String> old = as("reg-a-lead").get("/reports/recommendations/" + ownedId);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.MOVED_PERMANENTLY);
        assertThat(old.getHeaders().getLocation()).hasToString("/reports/reviews/" + REVIEW + "/1");
    }

    private void register(String reference, String text, String addressee) {
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", reference, "text", text,
                "addressees", List.of(addressee))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** A page's main content, without the header (whose sign-out form carries a token masked afresh for every page). */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private PageSession as(String user) {
        return PageSession.signIn(http, user, People.PASSWORD);
    }

    private static List<String> listed(PageSession session, String query) {
        ResponseEntity<String> page = session.get("/reports/register?" + query);
        assertThat(page.getStatusCode()).as(query + ": " + page.getBody()).isEqualTo(HttpStatus.OK);
        return listed(page.getBody());
    }

    private static List<String> listed(String page) {
        Matcher listed = LISTED.matcher(page);
        return listed.results().map(match -> match.group(1)).toList();
    }
}
