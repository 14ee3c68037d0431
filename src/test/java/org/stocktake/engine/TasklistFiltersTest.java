package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.lifecycle.LifecycleModel;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OwnEngine;

/**
 * The five Tasklist filters on the demo data, read over the engine REST API as Tasklist reads
 * them, by each kind of demo user. Arranged first: mps-lead has claimed the Metropolitan Police's
 * response, due in two days; the London Fire Brigade's response is overdue; the Department for
 * Transport's is due in three days and Transport for London's in five; and one Harris
 * recommendation waits for the board's sign-off of its closure.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFiltersTest {

    static final String DEMO_REVIEW = "DEMO-2016";
    static final String HARRIS_KEY = "HARRIS-2016/11";
    static final List<String> ALL_FILTERS = List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_ORGANISATION,
            TasklistFilters.DUE_THIS_WEEK, TasklistFilters.OVERDUE, TasklistFilters.AWAITING_BOARD);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TasklistFilters tasklistFilters;

    String mpsResponse;
    String lfbResponse;
    String tflResponse;
    String dftResponse;
    String boardSignOff;

    @BeforeAll
    void arrangeTasks() {
        mpsResponse = responseTask("29", "mps");
        lfbResponse = responseTask("48", "lfb");
        tflResponse = responseTask("64", "tfl");
        dftResponse = responseTask("64", "dft");
        assertThat(as("mps-lead").post("/engine-rest/task/" + mpsResponse + "/claim", Map.of("userId", "mps-lead"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        moveDueDate(mpsResponse, Instant.now().plus(2, ChronoUnit.DAYS));
        moveDueDate(lfbResponse, Instant.now().minus(2, ChronoUnit.DAYS));
        moveDueDate(tflResponse, Instant.now().plus(5, ChronoUnit.DAYS));
        moveDueDate(dftResponse, Instant.now().plus(3, ChronoUnit.DAYS));
        boardSignOff = aClosureWaitingForTheBoard();
    }

    @Test
    void eachPersonSeesTheSharedFiltersAndOnlyTheBoardSeesItsOwn() {
        for (String user : List.of("mps-lead", "lfb-lead", "sec", "observer")) {
            assertThat(filterNames(user)).as(user).containsExactlyElementsOf(ALL_FILTERS.subList(0, 4));
            assertThat(as(user).exchange(HttpMethod.GET, "/engine-rest/filter/" + filterId(TasklistFilters.AWAITING_BOARD) + "/list",
                    null, null).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(filterNames("board")).containsExactlyElementsOf(ALL_FILTERS);
    }

    @Test
    void myTasksAreTheOnesAssignedToMe() {
        assertThat(taskIds("mps-lead", TasklistFilters.MY_TASKS)).containsExactly(mpsResponse);
        assertThat(taskIds("lfb-lead", TasklistFilters.MY_TASKS)).isEmpty();
    }

    @Test
    void myOrganisationsTasksIncludeTheOnesAColleagueHasClaimed() {
        assertThat(taskIds("mps-lead", TasklistFilters.MY_ORGANISATION)).containsExactly(mpsResponse);
        assertThat(taskIds("tfl-lead", TasklistFilters.MY_ORGANISATION)).containsExactly(tflResponse);
        assertThat(taskIds("board", TasklistFilters.MY_ORGANISATION)).containsExactly(boardSignOff);
        List<String> secretariat = taskIds("sec", TasklistFilters.MY_ORGANISATION);
        assertThat(secretariat).hasSize(openTasksOfGroup("secretariat")).doesNotContain(mpsResponse, boardSignOff);
        assertThat(taskIds("observer", TasklistFilters.MY_ORGANISATION)).isEmpty();
    }

    @Test
    void dueThisWeekAndOverdueShowOnlyWhatThePersonMayRead() {
        assertThat(taskIds("tfl-lead", TasklistFilters.DUE_THIS_WEEK)).containsExactly(tflResponse);
        assertThat(taskIds("mps-lead", TasklistFilters.DUE_THIS_WEEK)).containsExactly(mpsResponse);
        assertThat(taskIds("lfb-lead", TasklistFilters.OVERDUE)).containsExactly(lfbResponse);
        assertThat(taskIds("tfl-lead", TasklistFilters.OVERDUE)).isEmpty();
        // the observer reads every task, so sees every organisation's
        assertThat(taskIds("observer", TasklistFilters.OVERDUE)).containsExactly(lfbResponse);
    }

    @Test
    void awaitingBoardDecisionListsTheBoardsTasks() {
        assertThat(taskIds("board", TasklistFilters.AWAITING_BOARD)).containsExactly(boardSignOff);
    }

    @Test
    void theSoonestDueComesFirstAndTheRecommendationIsAColumn() {
        // the demo's assignments fall due at 17:00 in five working days, inside the week from then on:
        // after the three arranged here, soonest first
        assertThat(taskIds("observer", TasklistFilters.DUE_THIS_WEEK)).startsWith(mpsResponse, dftResponse, tflResponse);
        // Tasklist asks for the newest first unless the person picks another order: the filter's
        // order comes first, Tasklist's only breaks ties
        List<Map<String, Object>> asTasklistAsks = as("observer").postForList("/engine-rest/filter/" + filterId(TasklistFilters.DUE_THIS_WEEK)
                + "/list?firstResult=0&maxResults=15", Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
        assertThat(asTasklistAsks).extracting(task -> task.get("id")).startsWith(mpsResponse, dftResponse, tflResponse);

        Map<String, Object> filter = as("tfl-lead").get("/engine-rest/filter/" + filterId(TasklistFilters.DUE_THIS_WEEK)).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> columns = (List<Map<String, String>>) ((Map<String, Object>) filter.get("properties")).get("variables");
        assertThat(columns).extracting(column -> column.get("name")).containsExactly("recommendationReference", "reviewTitle");
        assertThat(engine.getTaskService().getVariables(tflResponse)).doesNotContainKeys("recommendationReference", "reviewTitle");

        // the columns are read from Stocktake's tables as Tasklist lists the tasks, in the shape it reads variables
        JsonNode listed = asTasklistLists("tfl-lead", TasklistFilters.DUE_THIS_WEEK);
        assertThat(listed.at("/_embedded/task")).hasSize(1);
        JsonNode task = listed.at("/_embedded/task/0");
        assertThat(task.get("id").asText()).isEqualTo(tflResponse);
        assertThat(task.at("/_embedded/variable").findValuesAsText("name")).containsExactlyInAnyOrder("recommendationReference", "reviewTitle");
        assertThat(task.at("/_embedded/variable").findValuesAsText("value"))
                .containsExactlyInAnyOrder(DEMO_REVIEW + "/64", "Demonstration: four recommendations of the Harris Review (2016)");
    }

    /** A filter's first page as Tasklist asks for it: HAL, with each task's variables embedded. */
    private JsonNode asTasklistLists(String user, String filter) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<JsonNode> listed = http.exchange("/engine-rest/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=15",
                HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        return listed.getBody();
    }

    @Test
    void creatingTheFiltersAgainChangesNothing() {
        long authorizations = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).count();

        tasklistFilters.createMissing(engine);

        for (String name : ALL_FILTERS) {
            assertThat(engine.getFilterService().createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).count())
                .isEqualTo(authorizations);
    }

    private String responseTask(String reference, String addressee) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(DEMO_REVIEW + "/" + reference)
                .taskDefinitionKey(LifecycleModel.TASK_RECORD_RESPONSE).taskCandidateGroup(addressee).singleResult().getId();
    }

    private void moveDueDate(String taskId, Instant due) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(Date.from(due));
        engine.getTaskService().saveTask(task);
    }

    /** Through Tasklist's own calls: the secretariat assigns an owner, who proposes closure. */
    private String aClosureWaitingForTheBoard() {
        HttpActor admin = as("demo");
        HttpActor secretariat = as("sec");
        HttpActor owner = as("mps-lead");
        Map<String, Object> assignment = secretariat.tasks(HARRIS_KEY).get(0);
        String processInstanceId = (String) assignment.get("processInstanceId");
        assertThat(secretariat.submitForm((String) assignment.get("id"), Map.of("ownerGroup", "mps",
                "targetDate", LocalDate.now().plusYears(1).toString())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        assertThat(owner.submitForm((String) owner.tasks(HARRIS_KEY).get(0).get("id"), Map.of("rag", "GREEN",
                "publicUpdate", "Done.", "proposal", "PROPOSE_RESOLVED")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(LifecycleModel.TASK_SIGN_OFF_CLOSURE).singleResult().getId();
    }

    private int openTasksOfGroup(String group) {
        return (int) engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
    }

    private List<String> filterNames(String user) {
        return as(user).getList("/engine-rest/filter?resourceType=Task&maxResults=" + HttpActor.PAGE).stream()
                .sorted((a, b) -> priority(a) - priority(b)).map(filter -> (String) filter.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static int priority(Map<String, Object> filter) {
        return (Integer) ((Map<String, Object>) filter.get("properties")).get("priority");
    }

    private String filterId(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    private List<Map<String, Object>> list(String user, String filter) {
        return as(user).getList("/engine-rest/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=" + HttpActor.PAGE);
    }

    private List<String> taskIds(String user, String filter) {
        return list(user, filter).stream().map(task -> (String) task.get("id")).toList();
    }

    private HttpActor as(String user) {
        return HttpActor.as(http, user, "demo");
    }
}
