package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * One recommendation of a coroner's report from registration to the board's sign-off, driven only
 * through HTTP: our {@code /api} and the engine's {@code /engine-rest}, as each person would.
 * Run on H2 and on PostgreSQL (see StocktakeSpringTest).
 */
@StocktakeSpringTest
@OnBothDatabases
class LifecycleOverHttpTest {

    static final String REVIEW = "PFD-WESTMINSTER-2018";
    static final String BUSINESS_KEY = REVIEW + "/MC16";

    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkingDays workingDays;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor homeOffice;
    HttpActor fireBrigade;
    HttpActor board;

    @BeforeEach
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin)
                .organisation("home-office", "Home Office")
                .organisation("lfb", "London Fire Brigade")
                .user("sec-officer", "secretariat")
                .user("board-chair", "oversight-board")
                .user("home-office-lead", "home-office")
                .user("lfb-lead", "lfb");
        secretariat = HttpActor.as(http, "sec-officer", People.PASSWORD);
        homeOffice = HttpActor.as(http, "home-office-lead", People.PASSWORD);
        fireBrigade = HttpActor.as(http, "lfb-lead", People.PASSWORD);
        board = HttpActor.as(http, "board-chair", People.PASSWORD);
    }

    @Test
    void aRecommendationGoesFromRegistrationToClosureThroughHttpAlone() {
        assertThat(secretariat.post("/api/reviews", Map.of("code", REVIEW, "kind", "PFD_REPORT",
                "title", "Westminster Bridge inquests: report to prevent future deaths",
                "receivedOn", LocalDate.now().toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> registered = secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", "MC16", "text", "The Home Office should review the protective security of the Palace of Westminster.",
                        "addressees", List.of("home-office")));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody()).containsEntry("businessKey", BUSINESS_KEY).containsEntry("status", "AWAITING_RESPONSE")
                .containsEntry("responseDueOn", workingDays.onOrBefore(BankHolidays.ENGLAND_AND_WALES, LocalDate.now().plusDays(56)).toString());
        Object id = registered.getBody().get("id");

        // The addressee sees its response task, with its Camunda Form and the recommendation on it
        Map<String, Object> response = onlyTask(homeOffice, "Task_RecordResponse");
        String processInstanceId = (String) response.get("processInstanceId");
        assertThat(fireBrigade.tasks(BUSINESS_KEY)).isEmpty();
        ResponseEntity<Map<String, Object>> form = homeOffice.get("/engine-rest/task/" + response.get("id") + "/deployed-form");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).containsEntry("id", "record-response");
        assertThat(homeOffice.get("/engine-rest/task/" + response.get("id") + "/form-variables").getBody())
                .containsKeys("recommendationText", "recommendationReference", "decision", "rationale");

        ResponseEntity<Map<String, Object>> withoutReasons = homeOffice.submitForm((String) response.get("id"), Map.of("decision", "NOT_ACCEPTED"));
        assertThat(withoutReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) withoutReasons.getBody().get("message")).contains("rationale");
        assertThat(onlyTask(homeOffice, "Task_RecordResponse")).containsEntry("id", response.get("id"));

        assertThat(homeOffice.submitForm((String) response.get("id"), Map.of("decision", "ACCEPTED",
                "responseText", "The Government accepts this recommendation.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);

        // The secretariat assigns the owner; the first quarterly update opens with its reporting window
        Map<String, Object> assignment = onlyTask(secretariat, "Task_AssignOwner");
        // what the form offers is read as it is shown, whoever shows it: every organisation and its people, by name
        Map<String, Object> offered = secretariat.get("/engine-rest/task/" + assignment.get("id") + "/form-variables").getBody();
        assertThat(offered).extractingByKey("organisationChoices").asInstanceOf(InstanceOfAssertFactories.MAP).extractingByKey("value")
                .asString().contains("home-office=Home Office", "lfb=London Fire Brigade");
        assertThat(offered).extractingByKey("personChoices").asInstanceOf(InstanceOfAssertFactories.MAP).extractingByKey("value")
                .asString().contains("lfb:lfb-lead=lfb-lead Tester");
        assertThat(secretariat.submitForm((String) assignment.get("id"), Map.of("ownerGroup", "lfb", "ownerUser", "lfb-lead",
                "targetDate", LocalDate.now().plusYears(1).toString())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");

        Map<String, Object> update = onlyTask(fireBrigade, "Task_SubmitProgressUpdate");
        assertThat(update).containsEntry("assignee", "lfb-lead");
        assertThat(fireBrigade.submitForm((String) update.get("id"), Map.of("rag", "GREEN",
                "publicUpdate", "All firefighters trained.", "restrictedNote", "Budget line 4711 used.",
                "proposal", "PROPOSE_RESOLVED", "evidence", "Training records")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);

        // Only the board signs off, and never without its reasons
        Map<String, Object> signOff = onlyTask(board, "Task_SignOffClosure");
        assertThat(fireBrigade.tasks(BUSINESS_KEY)).isEmpty();
        assertThat(fireBrigade.complete((String) signOff.get("id"), Map.of("boardDecision", "APPROVE", "boardComment", "Done."))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> withoutComment = board.submitForm((String) signOff.get("id"), Map.of("boardDecision", "APPROVE"));
        assertThat(withoutComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) withoutComment.getBody().get("message")).contains("boardComment");

        assertThat(board.submitForm((String) signOff.get("id"), Map.of("boardDecision", "APPROVE",
                "boardComment", "Evidence seen; resolved.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);

        // The assurance policy has every resolved coroner's recommendation checked again a year on
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_AssuranceDue");
        Map<String, Object> check = onlyTask(board, "Task_AssuranceCheck");
        assertThat(board.submitForm((String) check.get("id"), Map.of("assuranceResult", "CONFIRMED",
                "boardComment", "The barriers are in place.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);

        assertThat(admin.get("/engine-rest/history/process-instance/" + processInstanceId).getBody())
                .containsEntry("state", "COMPLETED").containsEntry("businessKey", BUSINESS_KEY);
        // The engine's history keeps the last value of each process variable and who did what, but nothing
        // people submitted on forms (our tables keep that), and no change-by-change detail (EngineHistory)
        assertThat(admin.get("/engine-rest/history/detail/count?processInstanceId=" + processInstanceId).getBody())
                .containsEntry("count", 0);
        assertThat(admin.getList("/engine-rest/history/variable-instance?maxResults=100&deserializeValues=false&processInstanceId=" + processInstanceId))
                .extracting(variable -> variable.get("name")).contains("recommendationId", "ownerGroup", "rag", "boardDecision")
                .doesNotContain("restrictedNote", "publicUpdate", "rationale", "boardComment", "loopCounter");
        assertThat(admin.getList("/engine-rest/history/user-operation?maxResults=100&processInstanceId=" + processInstanceId + "&operationType=Complete"))
                .extracting(entry -> entry.get("userId")).contains("home-office-lead", "lfb-lead", "board-chair");
        assertThat(secretariat.get("/api/recommendations/" + id).getBody())
                .containsEntry("status", "RESOLVED").containsEntry("ownerGroup", "lfb");
        assertThat(secretariat.get("/api/reviews/" + REVIEW + "/summary").getBody())
                .containsEntry("total", 1).extractingByKey("byStatus").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("RESOLVED", 1).containsEntry("AWAITING_RESPONSE", 0);

        // The timeline tells the story; the restricted note reaches the secretariat but not another organisation
        Map<String, Object> timeline = secretariat.get("/api/recommendations/" + id + "/timeline").getBody();
        assertThat(entries(timeline)).extracting(entry -> entry.get("type") + " by " + entry.get("by")).containsExactly(
                "RESPONSE by home-office-lead", "DECISION by sec-officer", "PROGRESS_UPDATE by lfb-lead", "DECISION by board-chair",
                "DECISION by board-chair");
        assertThat(timeline.toString()).contains("Budget line 4711 used.");
        assertThat(homeOffice.get("/api/recommendations/" + id + "/timeline").getBody().toString())
                .contains("All firefighters trained.").doesNotContain("Budget line 4711");
    }

    private static Map<String, Object> onlyTask(HttpActor actor, String taskKey) {
        List<Map<String, Object>> tasks = actor.tasks(BUSINESS_KEY);
        assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
        return tasks.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> timeline) {
        return (List<Map<String, Object>>) timeline.get("entries");
    }
}
