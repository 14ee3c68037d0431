package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The pages under {@code /reports}: a browser without a session is sent to the sign-in form, the
 * stored board packs stay with the board and the secretariat, and a timeline page tells who
 * changed what.
 */
@StocktakeSpringTest
class ReportPagesTest {

    static final String REVIEW = Unique.reviewCode("PAGES");

    @Autowired
    TestRestTemplate http;

    @Test
    void aBrowserWithoutASessionIsSentToStocktakesSignIn() {
        for (String page : new String[] {"/", "/reports", "/reports/register", "/reports/dashboard", "/reports/board-pack"}) {
            // the test's client follows the redirect, as a browser does
            ResponseEntity<String> answer = http.getForEntity(page, String.class);
            assertThat(answer.getBody()).as(page).contains("<h1>Sign in to Stocktake</h1>", "name=\"username\"", "name=\"_csrf\"")
                    .doesNotContain("Sign out");
        }
    }

    @Test
    void eachPersonLandsOnWhatIsTheirsAndSignsOutInOneStep() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("landing-org", "Landing organisation").user("landing-lead", "landing-org")
                .user("landing-sec", "secretariat").user("landing-board", "oversight-board");
        assertThat(PageSession.signIn(http, "landing-sec", People.PASSWORD).get("/").getHeaders().getLocation())
                .hasToString("/reports/register?status=AWAITING_ASSIGNMENT");
        assertThat(PageSession.signIn(http, "landing-board", People.PASSWORD).get("/").getHeaders().getLocation())
                .hasToString("/reports/register?waiting-on=oversight-board");
        PageSession lead = PageSession.signIn(http, "landing-lead", People.PASSWORD);
        assertThat(lead.get("/").getHeaders().getLocation()).hasToString("/reports/register");

        assertThat(lead.signOut().getHeaders().getLocation().toString()).endsWith("/login?logout");
        assertThat(lead.get("/login?logout").getBody()).contains("You have signed out.");
        assertThat(lead.get("/reports/register").getHeaders().getLocation().toString()).endsWith("/login");
    }

    @Test
    void aTimelinePageShowsWhoChangedWhatFromWhatToWhat() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("page-org", "Page organisation").user("page-lead", "page-org").user("page-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "page-sec", People.PASSWORD);
        new Journey(secretariat, admin).review(REVIEW, "REVIEW")
                .toFirstUpdate(REVIEW, "1", "page-org", HttpActor.as(http, "page-lead", People.PASSWORD));
        Object id = secretariat.getList("/api/recommendations?review=" + REVIEW).get(0).get("id");

        String page = PageSession.signIn(http, "page-sec", People.PASSWORD).get("/reports/reviews/" + REVIEW + "/1").getBody();

        assertThat(page).contains("<h1>Recommendation 1</h1>", "Recommendation 1.", "Page organisation responded: Accepted", "page-lead",
                "Owner assigned: In progress", "page-sec", "Owner: none to page-org", "Submit progress update");
        assertThat(HttpActor.as(http, "page-lead", People.PASSWORD).exchange(HttpMethod.GET,
                "/api/board-packs", null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secretariat.get("/api/recommendations/" + id + "/timeline").getBody()).containsKey("entries");
    }
}
