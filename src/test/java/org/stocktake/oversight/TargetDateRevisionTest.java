package org.stocktake.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.stocktake.calendar.UkDates;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Dates that cannot quietly slip, over HTTP: the owner's word that the target date will be missed
 * flags the recommendation off track until the board decides; the owner cannot move the date
 * itself; the board's approval keeps the original beside the revised date, with who asked, who
 * agreed and why, in the API, the register, the recommendation's page and the published review.
 */
@OnBothDatabases
@StocktakeSpringTest
class TargetDateRevisionTest {

    static final String REVIEW = Unique.reviewCode("DATES");
    static final String REASON = "Delivery of the new radios moved to the autumn.";

    @Autowired
    TestRestTemplate http;

    @Test
    void aRevisedTargetDateStandsBesideTheOriginalWithWhoAskedAndWhoAgreed() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("dates-org", "Dates organisation").user("dates-lead", "dates-org")
                .user("dates-sec", "secretariat").user("dates-board", "oversight-board");
        HttpActor secretariat = HttpActor.as(http, "dates-sec", People.PASSWORD);
        HttpActor board = HttpActor.as(http, "dates-board", People.PASSWORD);
        HttpActor lead = HttpActor.as(http, "dates-lead", People.PASSWORD);
        String instance = new Journey(secretariat, admin).review(REVIEW, "REVIEW").toFirstUpdate(REVIEW, "1", "dates-org", lead);
        Object id = secretariat.getList("/api/recommendations?review=" + REVIEW).get(0).get("id");
        LocalDate original = LocalDate.now().plusYears(1);
        LocalDate asked = original.plusMonths(6);

        PageSession secretariatPages = PageSession.signIn(http, "dates-sec", People.PASSWORD);
        String update = (String) lead.tasks(REVIEW + "/1").get(0).get("id");
        assertThat(lead.complete(update, Map.of("rag", "AMBER", "publicUpdate", REASON, "proposal", "CONTINUE",
                "targetDate", asked.toString())).getStatusCode()).as("the owner cannot move the date with its update")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.submitForm(update, Map.of("rag", "AMBER", "publicUpdate", REASON, "proposal", "REQUEST_EXTENSION",
                "proposedTargetDate", asked.toString())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);

        assertThat(lead.get("/api/recommendations/" + id + "/target-dates").getBody())
                .containsEntry("original", original.toString()).containsEntry("current", original.toString())
                .containsEntry("revisions", List.of()).extractingByKey("atRiskSince").isNotNull();
        assertThat(registerCsv(secretariatPages)).as("off track until the board decides").contains("," + original + "," + original + ",true,");
        assertThat(secretariatPages.get("/reports/register?off-track=true&review=" + REVIEW).getBody())
                .contains(REVIEW + "/1", "Off track: its owner expects to miss the target date");

        String decision = (String) board.tasks(REVIEW + "/1").get(0).get("id");
        assertThat(board.submitForm(decision, Map.of("boardDecision", "APPROVE", "boardComment", "Agreed once."))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);

        Map<String, Object> dates = lead.get("/api/recommendations/" + id + "/target-dates").getBody();
        assertThat(dates).containsEntry("original", original.toString()).containsEntry("current", asked.toString())
                .doesNotContainKey("atRiskSince");
        assertThat(dates.get("revisions")).asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("previousDate", original.toString()).containsEntry("revisedDate", asked.toString())
                .containsEntry("reason", REASON).containsEntry("askedBy", "dates-lead").containsEntry("agreedBy", "dates-board");
        assertThat(registerCsv(secretariatPages)).contains("," + asked + "," + original + ",false,");
        assertThat(PageSession.signIn(http, "dates-lead", People.PASSWORD).get("/reports/reviews/" + REVIEW + "/1").getBody())
                .contains("Original target date", UkDates.DAY.format(original), UkDates.DAY.format(asked), "Target date revisions", REASON)
                .doesNotContain("Off track");

        secretariat.post("/api/reviews/" + REVIEW + "/publish", null);
        PageSession visitor = PageSession.anonymous(http);
        assertThat(visitor.get("/public/reviews/" + REVIEW + ".json").getBody())
                .contains("\"targetDate\":\"" + asked + "\"", "\"originalTargetDate\":\"" + original + "\"",
                        "\"lastChangedOn\":\"" + LocalDate.now() + "\"")
                .doesNotContain("dates-lead", "dates-board");
        assertThat(visitor.get("/public/reviews/" + REVIEW).getBody())
                .contains("(originally " + UkDates.DAY.format(original) + ")", "Last changed " + UkDates.DAY.format(LocalDate.now()));
        assertThat(visitor.get("/public/reviews/" + REVIEW + "/1").getBody()).contains("Original target date", UkDates.DAY.format(original));
    }

    private static String registerCsv(PageSession reader) {
        return reader.get("/reports/register?format=csv&review=" + REVIEW).getBody();
    }
}
