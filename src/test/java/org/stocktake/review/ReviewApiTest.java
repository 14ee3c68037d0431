package org.stocktake.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/** What the register's API answers to good and bad requests; bad ones are 4xx naming the field, and write nothing. */
@StocktakeSpringTest
@OnBothDatabases
class ReviewApiTest {

    static final String HMICFRS = Unique.reviewCode("HMICFRS");
    static final String TIMELY = Unique.reviewCode("TIMELY");
    static final String TARDY = Unique.reviewCode("TARDY");
    static final String MPS_OWN = Unique.reviewCode("MPS-OWN");

    static final String REVIEW = "PREVENT-LEARNING-2017";

    @Autowired
    TestRestTemplate http;

    HttpActor secretariat;
    HttpActor organisationLead;

    @BeforeEach
    void setUp() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("mps", "Metropolitan Police Service")
                .user("api-sec", "secretariat")
                .user("api-mps-lead", "mps");
        secretariat = HttpActor.as(http, "api-sec", People.PASSWORD);
        organisationLead = HttpActor.as(http, "api-mps-lead", People.PASSWORD);
        if (secretariat.get("/api/reviews/" + REVIEW).getStatusCode() == HttpStatus.NOT_FOUND) {
            assertThat(secretariat.post("/api/reviews", Map.of("code", REVIEW, "title", "Prevent learning review",
                    "kind", "LEARNING_REVIEW", "receivedOn", "2026-11-02")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void aReviewGetsItsResponseDeadlineFromItsKind() {
        Map<String, Object> review = secretariat.get("/api/reviews/" + REVIEW).getBody();
        assertThat(review).containsEntry("kind", "LEARNING_REVIEW").containsEntry("receivedOn", "2026-11-02")
                // 90 days on is Sunday 31 January 2027: the deadline is the working day before
                .containsEntry("responseDueOn", "2027-01-29");
    }

    @ParameterizedTest(name = "{0}: received {1}, answered by {2}")
    @CsvSource({
            // VE Day, 8 May 2020, the early May holiday moved in every nation: the Thursday before
            "ENGLAND_AND_WALES, 2020-03-13, 2020-05-07",
            "SCOTLAND,          2020-03-13, 2020-05-07",
            "NORTHERN_IRELAND,  2020-03-13, 2020-05-07",
            // Monday 30 May 2022 was a working day everywhere: the spring holiday moved to 2 June
            "ENGLAND_AND_WALES, 2022-04-04, 2022-05-30",
            "SCOTLAND,          2022-04-04, 2022-05-30",
            "NORTHERN_IRELAND,  2022-04-04, 2022-05-30",
            // St Andrew's Day 2026, a Monday, is Scotland's alone
            "ENGLAND_AND_WALES, 2026-10-05, 2026-11-30",
            "SCOTLAND,          2026-10-05, 2026-11-27",
            // St Patrick's Day 2027, a Wednesday, is Northern Ireland's alone
            "ENGLAND_AND_WALES, 2027-01-20, 2027-03-17",
            "NORTHERN_IRELAND,  2027-01-20, 2027-03-16"})
    void aCoronersDeadlineIs56DaysOnOrTheWorkingDayBeforeInTheReviewsNation(BankHolidays nation, LocalDate received, LocalDate due) {
        String code = "PFD-" + nation.name().replace('_', '-') + "-" + received.toString().replace("-", "");
        ResponseEntity<Map<String, Object>> created = secretariat.post("/api/reviews", Map.of("code", code, "kind", "PFD_REPORT",
                "title", "Report to prevent future deaths", "receivedOn", received.toString(), "bankHolidays", nation.name()));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("bankHolidays", nation.name()).containsEntry("responseDueOn", due.toString());
    }

    @Test
    void aReviewsBankHolidaysDefaultToEnglandAndWalesAndAnUnknownNationIsRefused() {
        assertThat(secretariat.get("/api/reviews/" + REVIEW).getBody()).containsEntry("bankHolidays", "ENGLAND_AND_WALES");

        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews", Map.of("code", "FAI-2027", "kind", "INQUIRY",
                "title", "Fatal accident inquiry", "bankHolidays", "WALES"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("bankHolidays");
        assertThat(secretariat.get("/api/reviews/FAI-2027").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReviewMissingFieldsIsRefusedNamingEachField() {
        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews", Map.of("code", "harris 2016", "kind", "REVIEW"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactlyInAnyOrder("code", "title");
    }

    @Test
    void anUnknownReviewKindIsRefusedWithTheChoices() {
        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews",
                Map.of("code", HMICFRS, "title", "PEEL inspection", "kind", "AUDIT"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("kind");
        assertThat(refused.getBody().get("detail").toString()).contains("PFD_REPORT");
        assertThat(secretariat.get("/api/reviews/" + HMICFRS).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        ResponseEntity<String> refused = secretariat.postRaw("/api/reviews", "{\"code\": ", MediaType.APPLICATION_JSON);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("body");
    }

    @Test
    void aSecondReviewWithTheSameCodeIsAConflict() {
        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews",
                Map.of("code", REVIEW, "title", "Again", "kind", "REVIEW"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(secretariat.get("/api/reviews/" + REVIEW).getBody()).containsEntry("title", "Prevent learning review");
    }

    @Test
    void anUnknownAddresseeIsRefusedAndNothingIsRegistered() {
        int before = recommendations().size();

        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", "3", "text", "Share referrals with local authorities.", "addressees", List.of("mps", "nowhere-council")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("addressees");
        assertThat(refused.getBody().get("detail").toString()).contains("nowhere-council").doesNotContain("mps,");
        assertThat(recommendations()).hasSize(before);
    }

    @Test
    void aDuplicateReferenceIsAConflictAndTheFirstStands() {
        String reference = "DUP-1";
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", reference, "text", "First text.", "addressees", List.of("mps"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", reference, "text", "Second text."));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(recommendations()).filteredOn(r -> reference.equals(r.get("reference")))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("text", "First text."));
    }

    @Test
    void aRecommendationWithoutTextOrWithABadReferenceIsRefused() {
        ResponseEntity<Map<String, Object>> refused = secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", "4/b", "text", " "));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactlyInAnyOrder("reference", "text");
    }

    @Test
    void theSummaryCountsResponsesOnTimeAndLate() {
        for (String[] review : new String[][] {{TIMELY, LocalDate.now().toString()}, {TARDY, "2025-01-06"}}) {
            assertThat(secretariat.post("/api/reviews", Map.of("code", review[0], "title", "Timeliness", "kind", "PFD_REPORT",
                    "receivedOn", review[1])).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(secretariat.post("/api/reviews/" + review[0] + "/recommendations", Map.of("reference", "1", "text", "Respond.",
                    "addressees", List.of("mps"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            Map<String, Object> response = organisationLead.tasks(review[0] + "/1").get(0);
            assertThat(organisationLead.submitForm((String) response.get("id"), Map.of("decision", "ACCEPTED")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }

        assertThat(secretariat.get("/api/reviews/" + TIMELY + "/summary").getBody())
                .containsEntry("responses", Map.of("onTime", 1, "late", 0));
        // due on Monday 3 March 2025, answered today
        assertThat(secretariat.get("/api/reviews/" + TARDY + "/summary").getBody())
                .containsEntry("responses", Map.of("onTime", 0, "late", 1));
    }

    @Test
    void unknownThingsAreNotFound() {
        assertThat(secretariat.get("/api/reviews/NO-SUCH-REVIEW").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(secretariat.get("/api/reviews/NO-SUCH-REVIEW/summary").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(secretariat.get("/api/recommendations?review=NO-SUCH-REVIEW").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(secretariat.get("/api/recommendations/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(secretariat.get("/api/recommendations/987654/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(secretariat.post("/api/reviews/NO-SUCH-REVIEW/recommendations", Map.of("reference", "1", "text", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void malformedIdsAndMissingParametersAreBadRequests() {
        assertThat(secretariat.get("/api/recommendations/twenty-nine").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(secretariat.get("/api/recommendations").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyTheSecretariatRegisters() {
        assertThat(organisationLead.post("/api/reviews", Map.of("code", MPS_OWN, "title", "Own review", "kind", "REVIEW"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(organisationLead.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "9", "text", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secretariat.get("/api/reviews/" + MPS_OWN).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void nothingAnswersWithoutCredentials() {
        HttpActor anonymous = HttpActor.anonymous(http);
        HttpActor wrongPassword = HttpActor.as(http, "api-mps-lead-typo", "wrong");

        for (HttpActor caller : List.of(anonymous, wrongPassword)) {
            assertThat(caller.get("/api/recommendations?review=" + REVIEW).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(caller.get("/api/reviews").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<Map<String, Object>> engine = caller.get("/engine-rest/task");
            assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(engine.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        }
    }

    private List<Map<String, Object>> recommendations() {
        return secretariat.getList("/api/recommendations?review=" + REVIEW);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<Map<String, Object>> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream().map(error -> (String) error.get("field")).toList();
    }
}
