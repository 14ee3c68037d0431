package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * How the engine's REST API answers what goes wrong, told by the exception's type and the task's
 * state: a task already completed is a lost race (409, to whom it was for), a task never there is
 * 404, and a bad query about tasks stays the engine's 400.
 */
@StocktakeSpringTest
class EngineRestAnswersTest {

    static final String REVIEW = Unique.reviewCode("ANSWERS");

    @Autowired
    TestRestTemplate http;

    @Test
    void aTaskCompletedBeforeIsALostRaceANeverTaskIsNotFoundAndABadQueryStaysBadInput() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("answers-org", "Answering organisation").user("answers-lead", "answers-org")
                .user("answers-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "answers-sec", People.PASSWORD);
        HttpActor lead = HttpActor.as(http, "answers-lead", People.PASSWORD);
        secretariat.post("/api/reviews", Map.of("code", REVIEW, "title", "Answers", "kind", "REVIEW"));
        secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "1", "text", "Answer.",
                "addressees", List.of("answers-org")));
        String taskId = (String) lead.tasks(REVIEW + "/1").get(0).get("id");
        assertThat(lead.submitForm(taskId, Map.of("decision", "ACCEPTED")).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<Map<String, Object>> again = lead.submitForm(taskId, Map.of("decision", "ACCEPTED"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) again.getBody().get("message")).contains("This task was completed at", "nothing of this submission was saved");

        ResponseEntity<Map<String, Object>> never = lead.submitForm("no-such-task", Map.of("decision", "ACCEPTED"));
        assertThat(never.getStatusCode().value()).isEqualTo(404);
        assertThat(never.getBody()).containsEntry("message", "There is no task no-such-task.");

        assertThat(lead.get("/engine-rest/task/count?dueBefore=not-a-date").getStatusCode().value()).isEqualTo(400);
    }
}
