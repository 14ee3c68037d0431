package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * Engine history goes when its time to live has passed; the register, the public summary, the
 * timeline and the dashboard, which read our own tables, keep the recommendation as it was. An engine of its own: the clock
 * is moved three years on and the cleanup removes every ended instance it then finds.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

    static final String REVIEW = "CLEANUP-2026";
    static final String IMPORTED = "CLEANUP-IMPORTED";

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCleanupJobIsScheduledInTheNightlyWindow() {
        List<Job> cleanup = history.findHistoryCleanupJobs();

        assertThat(cleanup).isNotEmpty();
        LocalTime due = cleanup.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
        assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void endedInstancesPastTheirTimeToLiveLeaveHistoryWhileTheRegisterAndReportsKeepThem() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("cleanup-org", "Cleanup organisation").user("cleanup-lead", "cleanup-org")
                .user("cleanup-sec", "secretariat").user("cleanup-board", "oversight-board");
        HttpActor secretariat = HttpActor.as(http, "cleanup-sec", People.PASSWORD);
        HttpActor owner = HttpActor.as(http, "cleanup-lead", People.PASSWORD);
        HttpActor board = HttpActor.as(http, "cleanup-board", People.PASSWORD);
        // one recommendation worked through to its closure, one imported closed, one imported still open
        String worked = new Journey(secretariat, admin).review(REVIEW, "REVIEW").toFirstUpdate(REVIEW, "1", "cleanup-org", owner);
        assertThat(owner.submitForm(onlyTask(owner, "Task_SubmitProgressUpdate"), Map.of("rag", "GREEN", "publicUpdate", "Done.",
                "proposal", "PROPOSE_RESOLVED", "evidence", "The new procedure.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(worked);
        assertThat(board.submitForm(onlyTask(board, "Task_SignOffClosure"), Map.of("boardDecision", "APPROVE",
                "boardComment", "Evidence seen.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(worked);
        byte[] register = ("review_code,review_title,review_kind,number,text,status,update\n"
                + IMPORTED + ",Imported,REVIEW,1,Closed long ago.,RESOLVED,Done in 2023.\n"
                + IMPORTED + ",Imported,REVIEW,2,Still open.,AWAITING_ASSIGNMENT,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(secretariat.postFile("/api/imports?fileName=cleanup.csv", register, MediaType.parseMediaType("text/csv")).getBody())
                .containsEntry("created", 2);
        List<HistoricProcessInstance> ended = List.of(instance(REVIEW + "/1"), instance(IMPORTED + "/1"));
        ended.forEach(instance -> assertThat(Duration.between(instance.getEndTime().toInstant(), instance.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(1095)));
        // the register keeps each step's time for good: asked from the day the steps were taken, years on
        String allSteps = "/api/dashboard?steps-since=" + LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Object stepTimes = board.get(allSteps).getBody().get("stepTimes");
        Map<String, Object> summary = secretariat.get("/api/reviews/" + REVIEW + "/public-summary").getBody();
        String timeline = secretariat.get("/api/recommendations/" + id(secretariat, REVIEW) + "/timeline").getBody().toString();

        ClockUtil.setCurrentTime(Date.from(ended.stream().map(HistoricProcessInstance::getRemovalTime).max(Date::compareTo).orElseThrow()
                .toInstant().plus(Duration.ofDays(1))));
        management.executeJob(history.cleanUpHistoryAsync(true).getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(REVIEW + "/1", IMPORTED + "/1").count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(worked).count()).isZero();
        assertThat(instance(IMPORTED + "/2").getEndTime()).as("a running instance's history stays").isNull();
        assertThat(secretariat.getList("/api/recommendations?review=" + IMPORTED)).extracting(r -> r.get("status"))
                .containsExactly("RESOLVED", "AWAITING_ASSIGNMENT");
        assertThat(secretariat.get("/api/reviews/" + REVIEW + "/public-summary").getBody())
                .usingRecursiveComparison().ignoringFields("producedAt").isEqualTo(summary);
        assertThat(summary).containsEntry("resolved", 1);
        assertThat(secretariat.get("/api/recommendations/" + id(secretariat, REVIEW) + "/timeline").getBody().toString()).isEqualTo(timeline)
                .contains("Evidence seen.");
        assertThat(board.get(allSteps).getBody().get("stepTimes")).as("the dashboard's step times").isEqualTo(stepTimes);
        assertThat((List<Map<String, Object>>) stepTimes).extracting(step -> step.get("count")).containsExactly(1, 1, 1);
    }

    private static String onlyTask(HttpActor actor, String taskKey) {
        List<Map<String, Object>> tasks = actor.tasks(REVIEW + "/1");
        assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
        return (String) tasks.get(0).get("id");
    }

    private static Object id(HttpActor reader, String review) {
        return reader.getList("/api/recommendations?review=" + review).get(0).get("id");
    }

    private HistoricProcessInstance instance(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }
}
