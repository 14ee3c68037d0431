package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.security.Grants;
import org.stocktake.support.HttpActor;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;
import org.stocktake.support.WebappSession;

/**
 * The engine's side doors, each tried as an attacker tried it (issue 13) and now shut, with the
 * legitimate use of the same door beside it still working: code in a saved filter, variables
 * forged onto a completion, a BPMN error thrown at a task, a claim for someone else, and grants
 * an owner kept after the board took its recommendation away.
 */
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SideDoorsTest {

    static final String REVIEW = Unique.reviewCode("DOORS");
    static final String TITLE = "Side doors";
    /** Code that rewrites a review's title, if anything ever evaluates it. */
    static final String REWRITE_TITLE = "${jdbcClient.sql(\"update review set title = 'Rewritten' where code = '" + REVIEW + "'\").update()}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    ProcessEngine engine;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor board;
    HttpActor observer;
    HttpActor first;
    HttpActor second;

    @BeforeAll
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("doors-first", "First organisation").organisation("doors-second", "Second organisation")
                .user("doors-first-lead", "doors-first").user("doors-second-lead", "doors-second").user("doors-sec", "secretariat")
                .user("doors-board", "oversight-board").user("doors-observer", "observer");
        secretariat = actor("doors-sec");
        board = actor("doors-board");
        observer = actor("doors-observer");
        first = actor("doors-first-lead");
        second = actor("doors-second-lead");
        if (secretariat.get("/api/reviews/" + REVIEW).getStatusCode() == HttpStatus.NOT_FOUND) {
            secretariat.post("/api/reviews", Map.of("code", REVIEW, "title", TITLE, "kind", "REVIEW"));
        }
    }

    // 1. Code in a saved filter

    @Test
    void aFilterWhoseQueryHoldsCodeIsRefusedOnBothDoorsAndNothingRuns() {
        ResponseEntity<String> overRest = observer.exchange(HttpMethod.POST, "/engine-rest/filter/create",
                filter("Rewrite", "doors-observer", Map.of("assigneeExpression", REWRITE_TITLE)), MediaType.APPLICATION_JSON);
        ResponseEntity<String> inTasklist = WebappSession.signIn(http, "doors-first-lead", People.PASSWORD).engine(HttpMethod.POST,
                "/filter/create", filter("Rewrite", "doors-first-lead", Map.of("orQueries", List.of(Map.of("candidateGroupExpression", REWRITE_TITLE)))),
                MediaType.APPLICATION_JSON);

        assertThat(overRest.getStatusCode()).as(overRest.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overRest.getBody()).contains("is refused").contains("${currentUser()}");
        assertThat(inTasklist.getStatusCode()).as(inTasklist.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviewTitle()).isEqualTo(TITLE);
    }

    @Test
    void aPersonalFilterWithTasklistsOwnFunctionsIsSavedAndRuns() {
        WebappSession lead = WebappSession.signIn(http, "doors-first-lead", People.PASSWORD);
        ResponseEntity<String> saved = lead.engine(HttpMethod.POST, "/filter/create", filter("Mine, due soon", null, Map.of(
                "assigneeExpression", "${currentUser()}", "dueBeforeExpression", "${dateTime().plusDays(7).withTimeAtStartOfDay().toDate()}")),
                MediaType.APPLICATION_JSON);
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
        String id = saved.getBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        ResponseEntity<String> count = lead.engine(HttpMethod.GET, "/filter/" + id + "/count", null, null);
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count.getBody()).contains("\"count\":0");
    }

    @Test
    void nobodySavesAFilterForSomeoneElse() {
        ResponseEntity<String> forTheBoard = observer.exchange(HttpMethod.POST, "/engine-rest/filter/create",
                filter("Click here", "doors-board", Map.of("assigneeExpression", "${currentUser()}")), MediaType.APPLICATION_JSON);

        ResponseEntity<String> numberedOwner = observer.exchange(HttpMethod.POST, "/engine-rest/filter/create",
                Map.of("resourceType", "Task", "name", "Click here", "owner", 12345, "query", Map.of()), MediaType.APPLICATION_JSON);

        assertThat(forTheBoard.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(numberedOwner.getStatusCode()).as("an owner written as a number, which the engine would take as text").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(board.getList("/engine-rest/filter?maxResults=100")).extracting(filter -> filter.get("name")).doesNotContain("Click here");
    }

    @Test
    void aFilterStoredBeforeTheCheckIsRefusedWhenItRunsEvenForAnAdministratorAndListedAtStart(CapturedOutput log) {
        String id = "legacy-filter-" + System.nanoTime();
        jdbc.sql("insert into act_ru_filter (id_, rev_, resource_type_, name_, owner_, query_, properties_) values (?, 1, 'Task', ?, ?, ?, '{}')")
                .params(id, "Legacy", StocktakeSpringTest.ADMIN, "{\"assigneeExpression\":\"" + REWRITE_TITLE.replace("\"", "\\\"") + "\"}")
                .update();

        ResponseEntity<String> run = admin.exchange(HttpMethod.GET, "/engine-rest/filter/" + id + "/count", null, null);
        ResponseEntity<String> runExtended = admin.exchange(HttpMethod.POST, "/engine-rest/filter/" + id + "/list?maxResults=15",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))), MediaType.APPLICATION_JSON);

        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(run.getBody()).contains("is refused");
        assertThat(runExtended.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviewTitle()).isEqualTo(TITLE);
        // what the next start says of it
        new ExpressionFence(applicationContext).postProcessEngineBuild(engine);
        assertThat(log.getOut()).contains("The filter \"Legacy\" (id " + id + ", owner " + StocktakeSpringTest.ADMIN
                + ") holds expressions that are refused when it runs");
        admin.exchange(HttpMethod.DELETE, "/engine-rest/filter/" + id, null, null);
    }

    @Test
    void anOrBranchOfAQueryOrOfAFiltersExtensionCannotCarryCode() {
        String shared = (String) observer.getList("/engine-rest/filter?maxResults=50").stream()
                .filter(filter -> "My tasks".equals(filter.get("name"))).findFirst().orElseThrow().get("id");
        Map<String, Object> withCode = Map.of("orQueries", List.of(Map.of("assigneeExpression", REWRITE_TITLE)));

        ResponseEntity<String> query = observer.exchange(HttpMethod.POST, "/engine-rest/task?maxResults=10", withCode, MediaType.APPLICATION_JSON);
        ResponseEntity<String> extension = observer.exchange(HttpMethod.POST, "/engine-rest/filter/" + shared + "/list?maxResults=10", withCode,
                MediaType.APPLICATION_JSON);

        assertThat(query.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(extension.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviewTitle()).isEqualTo(TITLE);
    }

    // 2. Forged variables

    @Test
    void aCompletionCarryingFieldsItsFormDoesNotHaveIsRefusedAndRecordsNothing() {
        long mine = register("F1", List.of("doors-first", "doors-second"));
        long hidden = register("F2", List.of("doors-second"));
        Map<String, Object> task = first.tasks(REVIEW + "/F1").get(0);
        String taskId = (String) task.get("id");

        ResponseEntity<Map<String, Object>> forged = first.submitForm(taskId, Map.of("decision", "ACCEPTED",
                "addressee", "doors-second", "recommendationId", hidden));
        ResponseEntity<String> forgedInTasklist = WebappSession.signIn(http, "doors-first-lead", People.PASSWORD).engine(HttpMethod.POST,
                "/task/" + taskId + "/submit-form", Map.of("variables", Map.of("decision", Map.of("value", "ACCEPTED"),
                        "recommendationId", Map.of("value", hidden, "type", "Long"))), MediaType.APPLICATION_JSON);
        ResponseEntity<String> localWrite = first.exchange(HttpMethod.PUT, "/engine-rest/task/" + taskId + "/localVariables/addressee",
                Map.of("value", "doors-second", "type", "String"), MediaType.APPLICATION_JSON);
        ResponseEntity<String> variablesWrite = first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/variables",
                Map.of("modifications", Map.of("recommendationId", Map.of("value", hidden))), MediaType.APPLICATION_JSON);

        assertThat(forged.getStatusCode()).as("%s", forged.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forged.getBody().get("message").toString()).contains("addressee").contains("recommendationId")
                .contains("decision, responseText, rationale");
        assertThat(forgedInTasklist.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(localWrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variablesWrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(responses(mine) + responses(hidden)).isZero();

        // a body the fence cannot read whole (a string beyond the JSON parser's limit) is refused, not waved through
        String unreadable = "{\"padding\":\"" + "a".repeat(20_000_001) + "\",\"variables\":{\"recommendationId\":{\"value\":" + hidden
                + ",\"type\":\"Long\"}}}";
        ResponseEntity<String> smuggled = first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/resolve", unreadable,
                MediaType.APPLICATION_JSON);
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(smuggled.getBody()).contains("cannot be read");
        assertThat(admin.getList("/engine-rest/variable-instance?maxResults=10&variableName=recommendationId&processInstanceIdIn="
                + task.get("processInstanceId"))).singleElement().satisfies(variable -> assertThat(((Number) variable.get("value")).longValue())
                .isEqualTo(mine));

        assertThat(first.submitForm(taskId, Map.of("decision", "ACCEPTED", "responseText", "We accept.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // someone the task was never for learns nothing of it, not even that it was completed, or by whom
        ResponseEntity<String> late = observer.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("decision", Map.of("value", "ACCEPTED"))), MediaType.APPLICATION_JSON);
        assertThat(late.getStatusCode().value()).isIn(403, 404);
        assertThat(late.getBody()).doesNotContain("completed", "doors-first-lead");
        assertThat(jdbc.sql("select addressee from addressee_response where recommendation_id = ?").param(mine).query(String.class).list())
                .containsExactly("doors-first");
        assertThat(responses(hidden)).isZero();
    }

    @Test
    void onlyAMemberOfTheAddresseeCompletesItsResponseNotEvenAnAdministrator() {
        long id = register("M1", List.of("doors-first"));
        String taskId = (String) first.tasks(REVIEW + "/M1").get(0).get("id");

        ResponseEntity<Map<String, Object>> byAdministrator = admin.submitForm(taskId, Map.of("decision", "ACCEPTED"));

        assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdministrator.getBody().get("message").toString()).contains("Only a member of doors-first");
        assertThat(responses(id)).isZero();
        assertThat(first.tasks(REVIEW + "/M1")).hasSize(1);
    }

    // 3. A thrown BPMN error or escalation

    @Test
    void anAddresseeCannotThrowAnErrorOrEscalationAtItsTaskAndAnUnhandledErrorIsNeverASilentEnd() {
        register("E1", List.of("doors-first"));
        String taskId = (String) first.tasks(REVIEW + "/E1").get(0).get("id");

        ResponseEntity<String> error = first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/bpmnError",
                Map.of("errorCode", "GONE"), MediaType.APPLICATION_JSON);
        ResponseEntity<String> escalation = first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/bpmnEscalation",
                Map.of("escalationCode", "BOARD_REVIEW"), MediaType.APPLICATION_JSON);
        ResponseEntity<String> byAdministrator = admin.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/bpmnError",
                Map.of("errorCode", "GONE"), MediaType.APPLICATION_JSON);

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(error.getBody()).contains("a thrown error would end it with nothing recorded");
        assertThat(escalation.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdministrator.getStatusCode().is2xxSuccessful()).as(byAdministrator.getBody()).isFalse();
        assertThat(first.tasks(REVIEW + "/E1")).extracting(task -> task.get("id")).containsExactly(taskId);
    }

    // 4. Claims, assignees and due dates

    @Test
    void aTaskIsClaimedOnlyForOneselfAndItsAssigneeAndDueDateAreNotChangedThroughTheEngine() {
        register("C1", List.of("doors-first"));
        String taskId = (String) first.tasks(REVIEW + "/C1").get(0).get("id");

        assertThat(first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "doors-sec"),
                MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "doors-sec"),
                MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.exchange(HttpMethod.PUT, "/engine-rest/task/" + taskId, Map.of("name", "Record response", "due", "2030-01-01T00:00:00.000+0000"),
                MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/identity-links",
                Map.of("groupId", "doors-second", "type", "candidate"), MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(second.tasks(REVIEW + "/C1")).isEmpty();

        ResponseEntity<String> claim = first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "doors-first-lead"),
                MediaType.APPLICATION_JSON);
        assertThat(claim.getStatusCode()).as("%s %s", claim.getHeaders(), claim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(first.exchange(HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aDueDateMovesOnlyThroughStocktakeByTheSecretariatWithAReason() {
        long id = register("D1", List.of("doors-first"));
        Map<String, Object> task = first.tasks(REVIEW + "/D1").get(0);
        String taskId = (String) task.get("id");
        String newDay = LocalDate.now().plusDays(120).toString();
        Map<String, Object> move = Map.of("dueOn", newDay, "reason", "The addressee asked for time after the election.");

        assertThat(first.exchange(HttpMethod.PUT, "/api/tasks/" + taskId + "/due-date", move, MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> withoutReason = secretariat.exchange(HttpMethod.PUT, "/api/tasks/" + taskId + "/due-date",
                Map.of("dueOn", newDay), MediaType.APPLICATION_JSON);
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason.getBody()).contains("reason");
        assertThat(first.tasks(REVIEW + "/D1").get(0).get("due")).isEqualTo(task.get("due"));

        assertThat(secretariat.exchange(HttpMethod.PUT, "/api/tasks/" + taskId + "/due-date", move, MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat((String) first.tasks(REVIEW + "/D1").get(0).get("due")).startsWith(newDay);
        assertThat(admin.getList("/engine-rest/job?timers=true&maxResults=10&activityId=BoundaryEvent_ResponseOverdue&processInstanceId="
                + task.get("processInstanceId"))).singleElement().satisfies(timer -> assertThat((String) timer.get("dueDate")).startsWith(newDay));
        assertThat(secretariat.exchange(HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null).getBody())
                .contains("DUE_DATE_CHANGE", "The addressee asked for time after the election.", newDay);
    }

    // 5. Grants follow ownership

    @Test
    void whenTheBoardReassignsTheOldOwnerLosesItsGrantsOnTheInstanceAndTheOpenUpdate() {
        String businessKey = REVIEW + "/R1";
        register("R1", List.of("doors-second"));
        Map<String, Object> response = second.tasks(businessKey).get(0);
        String processInstanceId = (String) response.get("processInstanceId");
        second.submitForm((String) response.get("id"), Map.of("decision", "ACCEPTED"));
        admin.runAsyncContinuations(processInstanceId);
        // the secretariat makes another organisation than the addressee the owner
        secretariat.submitForm((String) secretariat.tasks(businessKey).get(0).get("id"), Map.of("ownerGroup", "doors-first",
                "ownerUser", "doors-first-lead", "targetDate", LocalDate.now().plusYears(1).toString()));
        admin.runAsyncContinuations(processInstanceId);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        // a RED update goes to the board; the next quarter's update opens while the board decides
        first.submitForm((String) first.tasks(businessKey).get(0).get("id"), Map.of("rag", "RED", "publicUpdate", "Stalled.",
                "proposal", "CONTINUE"));
        admin.runAsyncContinuations(processInstanceId);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        String updateTaskId = taskOf(businessKey, "Task_SubmitProgressUpdate");
        assertThat(grantees(7, updateTaskId)).contains("doors-first", "doors-first-lead");

        assertThat(board.submitForm(taskOf(businessKey, "Task_ReviewEscalation"), Map.of("escalationAction", "REASSIGN",
                "ownerGroup", "doors-second", "boardComment", "Moved to the second organisation.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);

        assertThat(grantees(7, updateTaskId)).contains("doors-second").doesNotContain("doors-first", "doors-first-lead");
        assertThat(grantees(8, processInstanceId)).contains("doors-second").doesNotContain("doors-first");
        assertThat(first.tasks(businessKey)).isEmpty();
        assertThat(first.exchange(HttpMethod.POST, "/engine-rest/task/" + updateTaskId + "/submit-form", Map.of("variables",
                Map.of("rag", Map.of("value", "GREEN"))), MediaType.APPLICATION_JSON).getStatusCode().value()).isIn(403, 404);
        assertThat(second.tasks(businessKey)).extracting(task -> task.get("id")).containsExactly(updateTaskId);
    }

    /** The groups and users the engine's authorizations grant anything on a resource (7 task, 8 process instance). */
    private List<String> grantees(int resourceType, String resourceId) {
        return admin.getList("/engine-rest/authorization?maxResults=100&type=1&resourceType=" + resourceType + "&resourceId=" + resourceId)
                .stream().map(grant -> (String) (grant.get("groupId") != null ? grant.get("groupId") : grant.get("userId"))).toList();
    }

    private String taskOf(String businessKey, String taskKey) {
        return (String) admin.getList("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey)
                .get(0).get("id");
    }

    private long register(String reference, List<String> addressees) {
        ResponseEntity<Map<String, Object>> created = secretariat.post("/api/reviews/" + REVIEW + "/recommendations",
                Map.of("reference", reference, "text", "Recommendation " + reference + ".", "addressees", addressees));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private long responses(long recommendationId) {
        return jdbc.sql("select count(*) from addressee_response where recommendation_id = ?").param(recommendationId).query(Long.class).single();
    }

    private String reviewTitle() {
        return jdbc.sql("select title from review where code = ?").param(REVIEW).query(String.class).single();
    }

    /** A filter as Tasklist's dialog saves it (it names no owner), or naming one. */
    private static Map<String, Object> filter(String name, String owner, Map<String, Object> query) {
        Map<String, Object> filter = new HashMap<>(Map.of("resourceType", "Task", "name", name, "query", query,
                "properties", Map.of("priority", 10)));
        if (owner != null) {
            filter.put("owner", owner);
        }
        return filter;
    }

    private HttpActor actor(String userId) {
        return HttpActor.as(http, userId, People.PASSWORD);
    }
}
