package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Publication on purpose: a review is open to visitors at /public/reviews only once the
 * secretariat publishes it, and again not once it is unpublished; what is open holds no restricted
 * note and no person's id.
 */
@OnBothDatabases
@StocktakeSpringTest
class PublishedReviewTest {

    static final String REVIEW = Unique.reviewCode("PUB");
    static final String RESTRICTED = "The contract with the supplier lapses in June.";

    @Autowired
    TestRestTemplate http;

    @Test
    void aReviewIsOpenToVisitorsOnlyWhilePublishedAndNeverWithARestrictedNote() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("pub-org", "Publication organisation").user("pub-lead", "pub-org").user("pub-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "pub-sec", People.PASSWORD);
        HttpActor lead = HttpActor.as(http, "pub-lead", People.PASSWORD);
        String instance = new Journey(secretariat, admin).review(REVIEW, "REVIEW").toFirstUpdate(REVIEW, "1", "pub-org", lead);
        Map<String, Object> update = lead.tasks(REVIEW + "/1").get(0);
        assertThat(lead.submitForm((String) update.get("id"), Map.of("rag", "AMBER", "publicUpdate", "Procurement has begun.",
                "restrictedNote", RESTRICTED, "proposal", "CONTINUE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);
        PageSession visitor = PageSession.anonymous(http);

        assertThat(visitor.get("/public/reviews/" + REVIEW).getStatusCode()).as("unpublished").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(visitor.get("/public/reviews/" + REVIEW + ".json").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lead.exchange(HttpMethod.POST, "/api/reviews/" + REVIEW + "/publish", null, null).getStatusCode())
                .as("an organisation cannot publish").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/publish", null).getBody()).containsEntry("published", true);

        ResponseEntity<String> page = visitor.get("/public/reviews/" + REVIEW);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Procurement has begun.", "Publication organisation", "href=\"/public/reviews/" + REVIEW + "/1\"")
                .doesNotContain(RESTRICTED, "pub-lead", "Sign out", "/reports/register");
        assertThat(visitor.get("/public/reviews/" + REVIEW + "/1").getBody()).contains("<h1>Recommendation 1</h1>", "Procurement has begun.")
                .doesNotContain(RESTRICTED);
        assertThat(visitor.get("/public/reviews/" + REVIEW + ".json").getBody()).contains("\"reviewCode\":\"" + REVIEW + "\"")
                .doesNotContain(RESTRICTED, "pub-lead");
        assertThat(visitor.get("/public/reviews/" + REVIEW + ".csv").getBody()).startsWith("section,number,text").doesNotContain(RESTRICTED);
        assertThat(visitor.get("/public/reviews/" + REVIEW + "/99").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(visitor.post("/public/reviews/" + REVIEW, "").getStatusCode().is2xxSuccessful()).as("nothing but reading").isFalse();

        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/unpublish", null).getBody()).containsEntry("published", false);
        assertThat(visitor.get("/public/reviews/" + REVIEW).getStatusCode()).as("unpublished again").isEqualTo(HttpStatus.NOT_FOUND);
        Object id = secretariat.getList("/api/recommendations?review=" + REVIEW).get(0).get("id");
        assertThat(secretariat.exchange(HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null).getBody())
                .contains("\"type\":\"PUBLICATION\"", "Review published: its progress report is open to anyone", "Review unpublished", "pub-sec");
    }
}
