package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The dashboard over a review whose first recommendation went through response and assignment
 * (organisation C's) and whose second waits for organisation D's response: for the board, all
 * of it; for organisation D, only its own.
 */
@StocktakeSpringTest
@OnBothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    static final String REVIEW = Unique.reviewCode("DASH");

    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    HttpActor board;
    HttpActor ownerD;

    @BeforeAll
    void arrange() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("dash-c", "Organisation C").organisation("dash-d", "Organisation D")
                .user("dash-c-lead", "dash-c").user("dash-d-lead", "dash-d").user("dash-sec", "secretariat")
                .user("dash-board", "oversight-board");
        HttpActor secretariat = HttpActor.as(http, "dash-sec", People.PASSWORD);
        board = HttpActor.as(http, "dash-board", People.PASSWORD);
        ownerD = HttpActor.as(http, "dash-d-lead", People.PASSWORD);
        Journey journey = new Journey(secretariat, admin).review(REVIEW, "PFD_REPORT");
        journey.toFirstUpdate(REVIEW, "1", "dash-c", HttpActor.as(http, "dash-c-lead", People.PASSWORD));
        secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "2", "text", "Recommendation 2.",
                "addressees", List.of("dash-d")));
    }

    @Test
    void theBoardSeesEveryReviewWithItsStatusesOwnersResponsesAndStepTimes() {
        Map<String, Object> dashboard = board.get("/api/dashboard").getBody();

        assertThat(dashboard).containsEntry("scope", "All recommendations");
        assertThat(review(dashboard)).containsEntry("total", 2)
                .containsEntry("byStatus", Map.of("AWAITING_RESPONSE", 1, "IN_PROGRESS", 1));
        assertThat(list(dashboard, "openByOwner")).contains(Map.of("label", "Organisation C", "count", 1,
                "register", "/reports/register?status=open&owner=dash-c"));
        assertThat(list(dashboard, "responseRates")).filteredOn(rate -> REVIEW.equals(rate.get("code"))).singleElement()
                .satisfies(rate -> assertThat(rate).containsEntry("onTime", 1).containsEntry("late", 0).containsEntry("percentOnTime", 100));
        assertThat(list(dashboard, "stepTimes")).extracting(step -> step.get("step"))
                .containsExactly("Response (task open to answered)", "Owner assignment", "Registration to closure");
        assertThat(list(dashboard, "stepTimes").get(0)).extractingByKey("count").asInstanceOf(InstanceOfAssertFactories.INTEGER).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnRecommendations() {
        Map<String, Object> dashboard = ownerD.get("/api/dashboard").getBody();

        assertThat(dashboard).containsEntry("scope", "Your organisation's recommendations").containsEntry("total", 1)
                .containsEntry("open", 1);
        assertThat(review(dashboard)).containsEntry("byStatus", Map.of("AWAITING_RESPONSE", 1));
        assertThat(list(dashboard, "openByOwner")).containsExactly(Map.of("label", "No owner yet", "count", 1));
        assertThat(list(dashboard, "responseRates")).isEmpty();
    }

    @Test
    void stepTimesCountTheLastYearUnlessAnotherDayFrom1970ToTodayIsAskedFor() {
        assertThat(board.get("/api/dashboard").getBody()).containsEntry("stepTimesSince", LocalDate.now(clock).minusYears(1).toString());
        Map<String, Object> sinceTheStart = board.get("/api/dashboard?steps-since=1970-01-01").getBody();
        assertThat(sinceTheStart).containsEntry("stepTimesSince", "1970-01-01");
        assertThat(list(sinceTheStart, "stepTimes").get(0)).extractingByKey("count").asInstanceOf(InstanceOfAssertFactories.INTEGER).isGreaterThanOrEqualTo(1);

        for (String refused : List.of("last-spring", "1969-12-31", LocalDate.now(clock).plusDays(1).toString(), "+300000-01-01")) {
            ResponseEntity<Map<String, Object>> answer = board.get("/api/dashboard?steps-since=" + refused);
            assertThat(answer.getStatusCode()).as(refused).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString()).as(refused).contains("steps-since");
        }
    }

    @Test
    void thePageDrawsItsChartsAndGivesEveryFigureAsTextLinkedToTheRegister() {
        String page = board.getText("/api/dashboard", MediaType.TEXT_HTML).getBody();
        assertThat(page).contains("<h1>Where things stand</h1>", "id=\"chart-by-review\"", "<svg", "aria-hidden=\"true\"",
                ">" + REVIEW + "<", "Organisation C",
                "<a href=\"/reports/register?review=" + REVIEW + "&amp;status=IN_PROGRESS\">In progress: 1</a>",
                "<a href=\"/reports/register?status=open&amp;owner=dash-c\">1</a>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> review(Map<String, Object> dashboard) {
        return list(dashboard, "reviews").stream().filter(review -> REVIEW.equals(review.get("code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> dashboard, String name) {
        return (List<Map<String, Object>>) dashboard.get(name);
    }
}
