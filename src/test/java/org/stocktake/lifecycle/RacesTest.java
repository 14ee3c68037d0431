package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Two people acting on the same thing at the same moment, many times over: one wins, the other
 * is told 409 with why, and nothing of the loser's is kept.
 */
@StocktakeSpringTest
@OnBothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacesTest {

    static final String REVIEW = Unique.reviewCode("RACES");
    static final int TRIALS = 20;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor leadA;
    HttpActor leadB;
    HttpActor boardA;
    HttpActor boardB;
    Journey journey;
    ExecutorService twoPeople = Executors.newFixedThreadPool(2);

    @BeforeAll
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("race-org", "Racing organisation").user("race-a", "race-org").user("race-b", "race-org")
                .user("race-sec", "secretariat").user("race-board-a", "oversight-board").user("race-board-b", "oversight-board");
        secretariat = actor("race-sec");
        leadA = actor("race-a");
        leadB = actor("race-b");
        boardA = actor("race-board-a");
        boardB = actor("race-board-b");
        journey = new Journey(secretariat, admin).review(REVIEW, "REVIEW");
    }

    @AfterAll
    void stop() {
        twoPeople.shutdownNow();
    }

    @Test
    void twoColleaguesCompletingTheSameResponseAtOnce() throws Exception {
        List<Integer> winners = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            String reference = "R" + trial;
            secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", reference,
                    "text", "Respond once.", "addressees", List.of("race-org")));
            Map<String, Object> task = leadA.tasks(REVIEW + "/" + reference).get(0);
            String taskId = (String) task.get("id");

            List<ResponseEntity<Map<String, Object>>> answers = atOnce(
                    () -> leadA.submitForm(taskId, Map.of("decision", "ACCEPTED", "responseText", "Accepted by A.")),
                    () -> leadB.submitForm(taskId, Map.of("decision", "NOT_ACCEPTED", "rationale", "Refused by B.")));

            assertThat(answers).extracting(answer -> answer.getStatusCode().value()).as("trial %d: %s", trial, answers)
                    .containsExactlyInAnyOrder(204, 409);
            ResponseEntity<Map<String, Object>> lost = answers.stream().filter(answer -> answer.getStatusCode().value() == 409)
                    .findFirst().orElseThrow();
            assertThat((String) lost.getBody().get("message")).contains("nothing of this submission was saved");
            boolean aWon = answers.get(0).getStatusCode().value() == 204;
            winners.add(aWon ? 1 : 0);
            assertThat(jdbc.sql("""
                    select count(*) from addressee_response r join recommendation c on c.id = r.recommendation_id
                    join review v on v.id = c.review_id where v.code = ? and c.reference = ?""")
                    .params(REVIEW, reference).query(Long.class).single()).as("responses kept, trial %d", trial).isOne();
            admin.runAsyncContinuations((String) task.get("processInstanceId"));
            // accepted: the secretariat assigns an owner; refused: the board signs off the non-acceptance
            assertThat(admin.tasks(REVIEW + "/" + reference)).as("the process moved on once, trial %d", trial).singleElement()
                    .satisfies(next -> assertThat(next).containsEntry("taskDefinitionKey", aWon ? "Task_AssignOwner" : "Task_SignOffClosure"));
        }
        System.out.printf("Races: %d trials of two colleagues completing one response: %d won by A, %d by B, %d lost with 409%n",
                TRIALS, winners.stream().filter(aWon -> aWon == 1).count(), winners.stream().filter(aWon -> aWon == 0).count(), TRIALS);
    }

    @Test
    void twoBoardMembersChangingTheTargetDateAtOnce() throws Exception {
        int conflicts = 0;
        for (int trial = 1; trial <= TRIALS / 2; trial++) {
            String reference = "T" + trial;
            String processInstanceId = journey.toFirstUpdate(REVIEW, reference, "race-org", leadA);
            Map<String, Object> update = leadA.tasks(REVIEW + "/" + reference).get(0);
            leadA.submitForm((String) update.get("id"), Map.of("rag", "RED", "publicUpdate", "Stuck.", "proposal", "REQUEST_EXTENSION",
                    "proposedTargetDate", LocalDate.now().plusYears(3).toString()));
            admin.runAsyncContinuations(processInstanceId);
            List<Map<String, Object>> boardTasks = boardA.tasks(REVIEW + "/" + reference);
            String escalation = taskId(boardTasks, "Task_ReviewEscalation");
            String extension = taskId(boardTasks, "Task_DecideExtension");
            String escalationTarget = LocalDate.now().plusYears(2).toString();

            List<ResponseEntity<Map<String, Object>>> answers = atOnce(
                    () -> boardA.submitForm(escalation, Map.of("escalationAction", "EXTEND", "targetDate", escalationTarget,
                            "boardComment", "Two more years.")),
                    () -> boardB.submitForm(extension, Map.of("boardDecision", "APPROVE", "boardComment", "Three more years.")));

            List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).toList();
            assertThat(statuses).as("trial %d", trial).contains(204).allMatch(status -> status == 204 || status == 409);
            conflicts += (int) statuses.stream().filter(status -> status == 409).count();
            // whoever won, the register and its decisions agree: each change recorded was made from what it replaced
            List<Map<String, Object>> changes = jdbc.sql("""
                    select d.changes from decision d join recommendation c on c.id = d.recommendation_id
                    join review v on v.id = c.review_id where v.code = ? and c.reference = ? and d.kind in ('ESCALATION_REVIEW', 'EXTENSION')
                    order by d.id""").params(REVIEW, reference).query().listOfRows();
            assertThat(changes).hasSize((int) statuses.stream().filter(status -> status == 204).count());
            String targetDate = jdbc.sql("""
                    select c.target_date from recommendation c join review v on v.id = c.review_id where v.code = ? and c.reference = ?""")
                    .params(REVIEW, reference).query(String.class).single();
            assertThat(changes.get(changes.size() - 1).get("changes").toString()).contains(targetDate);
        }
        System.out.printf("Races: %d trials of two board members changing one target date: %d refused with 409%n", TRIALS / 2, conflicts);
    }

    @SafeVarargs
    private List<ResponseEntity<Map<String, Object>>> atOnce(Callable<ResponseEntity<Map<String, Object>>>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> running = new ArrayList<>();
        for (Callable<ResponseEntity<Map<String, Object>>> call : calls) {
            running.add(twoPeople.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : running) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static String taskId(List<Map<String, Object>> tasks, String key) {
        return (String) tasks.stream().filter(task -> key.equals(task.get("taskDefinitionKey"))).findFirst().orElseThrow().get("id");
    }

    private HttpActor actor(String user) {
        return HttpActor.as(http, user, People.PASSWORD);
    }
}
