package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Every endpoint of {@code /api} and every engine REST call Stocktake relies on, called by every
 * role: nobody without credentials, the owner organisation, another organisation, the
 * secretariat, the board, an observer and an administrator. Each answer's status is checked, what
 * lists show is checked, and no body a person not entitled to it receives holds the recommendation's
 * restricted note. The recommendation under test waits for the board's sign-off, with the owner's
 * restricted note recorded.
 */
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String REVIEW = Unique.reviewCode("MATRIX");
    static final String BUSINESS_KEY = REVIEW + "/1";
    static final String RESTRICTED_NOTE = "Restricted: the bid for the new radios failed";
    static final List<String> ROLES = List.of("anonymous", "owner", "other organisation", "secretariat", "board", "observer", "admin");
    /** Who may read a restricted note through the API. */
    static final List<String> ENTITLED = List.of("owner", "secretariat", "board");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    Map<String, HttpActor> actors;
    String recommendationId;
    String processInstanceId;
    String signOffTaskId;
    String importId;
    final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void aRecommendationWaitingForTheBoardWithARestrictedNote() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("matrix-owner", "Owner organisation").organisation("matrix-other", "Other organisation")
                .user("m-owner", "matrix-owner").user("m-other", "matrix-other").user("m-sec", "secretariat")
                .user("m-board", "oversight-board").user("m-observer", "observer");
        actors = Map.of("anonymous", HttpActor.anonymous(http), "owner", actor("m-owner"), "other organisation", actor("m-other"),
                "secretariat", actor("m-sec"), "board", actor("m-board"), "observer", actor("m-observer"), "admin", admin);
        HttpActor secretariat = actors.get("secretariat");
        HttpActor owner = actors.get("owner");
        processInstanceId = new Journey(secretariat, admin).review(REVIEW, "INSPECTION").toFirstUpdate(REVIEW, "1", "matrix-owner", owner);
        recommendationId = secretariat.getList("/api/recommendations?review=" + REVIEW).get(0).get("id").toString();
        owner.submitForm((String) owner.tasks(BUSINESS_KEY).get(0).get("id"), Map.of("rag", "GREEN",
                "publicUpdate", "New radios in service.", "restrictedNote", RESTRICTED_NOTE, "proposal", "PROPOSE_RESOLVED"));
        admin.runAsyncContinuations(processInstanceId);
        signOffTaskId = (String) admin.tasks(BUSINESS_KEY).get(0).get("id");
        importId = secretariat.postFile("/api/imports", "review_code,review_title,number,text\nMATRIX-IMPORT-2026,Imported,1,Text.\n"
                .getBytes(), MediaType.parseMediaType("text/csv")).getBody().get("id").toString();
    }

    @Test
    void theRestrictedNoteIsInStocktakesTableAndNowhereInTheEngines() {
        assertThat(rowsHolding("select count(*) from progress_update where restricted_note like ?")).isEqualTo(1);
        for (String engineTable : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
            assertThat(rowsHolding("select count(*) from " + engineTable + " where text_ like ? or text2_ like ?"))
                    .as(engineTable).isZero();
        }
        assertThat(rowsHolding("select count(*) from act_hi_op_log where org_value_ like ? or new_value_ like ?")).isZero();
    }

    private long rowsHolding(String sql) {
        String pattern = "%" + RESTRICTED_NOTE + "%";
        int parameters = (int) sql.chars().filter(c -> c == '?').count();
        var statement = jdbc.sql(sql);
        for (int i = 0; i < parameters; i++) {
            statement = statement.param(pattern);
        }
        return statement.query(Long.class).single();
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointForEveryRole() {
        List<Endpoint> endpoints = List.of(
                // Stocktake's API
                new Endpoint("GET /api/reviews", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/reviews", null, null)),
                new Endpoint("GET /api/reviews/{code}", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/reviews/" + REVIEW, null, null)),
                new Endpoint("GET /api/reviews/{code}/summary", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/reviews/" + REVIEW + "/summary", null, null)),
                new Endpoint("POST /api/reviews", statuses(401, 403, 403, 201, 403, 403, 201),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/reviews", Map.of("code", "MATRIX-NEW-" + unique.incrementAndGet(),
                                "title", "New", "kind", "REVIEW"), MediaType.APPLICATION_JSON)),
                new Endpoint("POST /api/reviews/{code}/recommendations", statuses(401, 403, 403, 201, 403, 403, 201),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/reviews/" + REVIEW + "/recommendations",
                                Map.of("reference", "N" + unique.incrementAndGet(), "text", "Another."), MediaType.APPLICATION_JSON)),
                new Endpoint("POST /api/reviews/{code}/publish", statuses(401, 403, 403, 200, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/reviews/" + REVIEW + "/publish", null, null)),
                new Endpoint("POST /api/reviews/{code}/unpublish", statuses(401, 403, 403, 200, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/reviews/" + REVIEW + "/unpublish", null, null)),
                // a response link answers for an organisation: only the secretariat sends one (here nothing waits on the owner: 409)
                new Endpoint("POST /api/recommendations/{id}/response-links", statuses(401, 403, 403, 409, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/recommendations/" + recommendationId + "/response-links",
                                Map.of("addressee", "matrix-owner"), MediaType.APPLICATION_JSON)),
                new Endpoint("GET /api/recommendations/{id}/response-links", statuses(401, 403, 403, 200, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations/" + recommendationId + "/response-links", null, null)),
                new Endpoint("DELETE /api/recommendations/{id}/response-links/{linkId}", statuses(401, 403, 403, 404, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.DELETE, "/api/recommendations/" + recommendationId + "/response-links/999999",
                                null, null)),
                // evidence: the owner, the secretariat and the board add and read restricted files; others may not add
                new Endpoint("POST /api/recommendations/{id}/evidence", statuses(401, 201, 404, 201, 201, 403, 403),
                        (actor, role) -> {
                            ResponseEntity<Map<String, Object>> answer = actor.upload("/api/recommendations/" + recommendationId + "/evidence",
                                    "note-" + role.replace(' ', '-') + ".pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
                            return ResponseEntity.status(answer.getStatusCode()).body(String.valueOf(answer.getBody()));
                        }),
                new Endpoint("GET /api/recommendations/{id}/evidence", statuses(401, 200, 404, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations/" + recommendationId + "/evidence", null, null)),
                new Endpoint("GET /api/recommendations/{id}/target-dates", statuses(401, 200, 404, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations/" + recommendationId + "/target-dates", null, null)),
                new Endpoint("GET /api/recommendations?review (JSON)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations?review=" + REVIEW, null, null),
                        (role, body) -> assertListed(body, BUSINESS_KEY, !role.equals("other organisation"))),
                new Endpoint("GET /api/recommendations?review (CSV)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.getText("/api/recommendations?review=" + REVIEW + "&format=csv", MediaType.ALL),
                        (role, body) -> assertListed(body, "Recommendation 1.", !role.equals("other organisation"))),
                new Endpoint("GET /api/recommendations/{id}", statuses(401, 200, 404, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations/" + recommendationId, null, null)),
                new Endpoint("GET /api/recommendations/{id}/timeline", statuses(401, 200, 404, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/recommendations/" + recommendationId + "/timeline", null, null),
                        (role, body) -> assertListed(body, RESTRICTED_NOTE, ENTITLED.contains(role))),
                new Endpoint("POST /api/imports?dryRun=true", statuses(401, 403, 403, 200, 403, 403, 200),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/api/imports?dryRun=true",
                                "review_code,review_title,number,text\nMATRIX-DRY-2026,Dry,1,Text.\n", MediaType.parseMediaType("text/csv"))),
                new Endpoint("GET /api/imports/{id}", statuses(401, 403, 403, 200, 403, 403, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/imports/" + importId, null, null)),
                new Endpoint("GET /api/policies", statuses(401, 403, 403, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/policies", null, null)),
                new Endpoint("GET /api/policies/{key}", statuses(401, 403, 403, 200, 200, 200, 200),
                        (actor, role) -> actor.getText("/api/policies/EscalationPolicy", MediaType.APPLICATION_XML)),
                new Endpoint("PUT /api/policies/{key} (the table in force)", statuses(401, 403, 403, 200, 403, 403, 200),
                        (actor, role) -> actor.exchange(HttpMethod.PUT, "/api/policies/AssurancePolicy", shippedAssurancePolicy(),
                                MediaType.APPLICATION_XML)),
                new Endpoint("GET /api/reviews/{code}/public-summary", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/reviews/" + REVIEW + "/public-summary", null, null),
                        (role, body) -> assertListed(body, "Recommendation 1.", true)),
                new Endpoint("GET /api/board-pack", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/board-pack", null, null),
                        (role, body) -> assertListed(body, BUSINESS_KEY, !role.equals("other organisation"))),
                new Endpoint("PUT /api/tasks/{id}/due-date (board's task)", statuses(401, 403, 403, 200, 403, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.PUT, "/api/tasks/" + signOffTaskId + "/due-date",
                                Map.of("dueOn", LocalDate.now().plusDays(30).toString(), "reason", "The board meets later this month."),
                                MediaType.APPLICATION_JSON)),
                new Endpoint("GET /api/board-packs", statuses(401, 403, 403, 200, 200, 403, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/api/board-packs", null, null)),
                // The engine's REST API, as Tasklist and scripts call it
                new Endpoint("GET /engine-rest/filter (Tasklist's filters)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/filter?maxResults=50", null, null),
                        (role, body) -> assertListed(body, "Awaiting board decision", List.of("board", "admin").contains(role))),
                new Endpoint("GET /engine-rest/task (the recommendation's)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + BUSINESS_KEY, null, null),
                        (role, body) -> assertListed(body, signOffTaskId, List.of("board", "observer", "admin").contains(role))),
                new Endpoint("GET /engine-rest/task/{id}/form-variables (board's task)", statuses(401, 403, 403, 403, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/task/" + signOffTaskId + "/form-variables", null, null)),
                new Endpoint("GET /engine-rest/task/{id}/deployed-form (board's task)", statuses(401, 403, 403, 403, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/task/" + signOffTaskId + "/deployed-form", null, null)),
                new Endpoint("POST /engine-rest/task/{id}/complete (board's task, no comment)", statuses(401, 403, 403, 403, 400, 403, 403),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/engine-rest/task/" + signOffTaskId + "/complete",
                                Map.of("variables", Map.of("boardDecision", Map.of("value", "APPROVE"))), MediaType.APPLICATION_JSON)),
                new Endpoint("GET /engine-rest/process-instance (the recommendation's)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/process-instance?maxResults=50&businessKey=" + BUSINESS_KEY, null, null),
                        (role, body) -> assertListed(body, processInstanceId, List.of("owner", "observer", "admin").contains(role))),
                new Endpoint("GET /engine-rest/history/variable-instance (the recommendation's)", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/history/variable-instance?maxResults=500&processInstanceId="
                                + processInstanceId, null, null),
                        (role, body) -> assertListed(body, "recommendationId", role.equals("admin"))),
                new Endpoint("PUT /engine-rest/process-instance/{id}/variables/{name}", statuses(401, 403, 403, 403, 403, 403, 204),
                        (actor, role) -> actor.exchange(HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/matrixProbe",
                                Map.of("value", "set by " + role, "type", "String"), MediaType.APPLICATION_JSON)),
                new Endpoint("POST /engine-rest/deployment/create", statuses(401, 403, 403, 403, 403, 403, 200),
                        (actor, role) -> actor.exchange(HttpMethod.POST, "/engine-rest/deployment/create", deployment(), MediaType.MULTIPART_FORM_DATA)),
                new Endpoint("GET /engine-rest/authorization", statuses(401, 200, 200, 200, 200, 200, 200),
                        (actor, role) -> actor.exchange(HttpMethod.GET, "/engine-rest/authorization?maxResults=50&resourceId=" + processInstanceId, null, null),
                        (role, body) -> assertListed(body, "matrix-owner", role.equals("admin"))));
        return endpoints.stream().map(endpoint -> DynamicContainer.dynamicContainer(endpoint.name(), ROLES.stream().map(role ->
                DynamicTest.dynamicTest(role + " → " + endpoint.expected().get(role), () -> {
                    ResponseEntity<String> answer = endpoint.call().apply(actors.get(role), role);
                    assertThat(answer.getStatusCode().value()).as("%s by %s: %s", endpoint.name(), role, answer.getBody())
                            .isEqualTo(endpoint.expected().get(role));
                    String body = answer.getBody() == null ? "" : answer.getBody();
                    if (!ENTITLED.contains(role) || endpoint.name().contains("/engine-rest")) {
                        assertThat(body).as("what %s receives", role).doesNotContain(RESTRICTED_NOTE);
                    }
                    if (answer.getStatusCode().is2xxSuccessful()) {
                        endpoint.lists().accept(role, body);
                    }
                }))));
    }

    /** An endpoint, the status each role gets, and what a successful answer must (not) list for each. */
    record Endpoint(String name, Map<String, Integer> expected, BiFunction<HttpActor, String, ResponseEntity<String>> call,
                    BiConsumer<String, String> lists) {

        Endpoint(String name, Map<String, Integer> expected, BiFunction<HttpActor, String, ResponseEntity<String>> call) {
            this(name, expected, call, (role, body) -> {
            });
        }
    }

    /** The statuses in the order of {@link #ROLES}. */
    static Map<String, Integer> statuses(int... statuses) {
        Map<String, Integer> byRole = new LinkedHashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            byRole.put(ROLES.get(i), statuses[i]);
        }
        return byRole;
    }

    private static byte[] shippedAssurancePolicy() {
        try (InputStream table = new ClassPathResource("bpmn/assurance-policy.dmn").getInputStream()) {
            return table.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertListed(String body, String item, boolean listed) {
        if (listed) {
            assertThat(body).contains(item);
        } else {
            assertThat(body).doesNotContain(item);
        }
    }

    private MultiValueMap<String, Object> deployment() {
        int n = unique.incrementAndGet();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="https://stocktake.example/matrix">
                  <process id="MatrixProbe%d" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Probe" />
                  </process>
                </definitions>""".formatted(n);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "matrix-probe-" + n);
        form.add("probe.bpmn", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        return form;
    }

    private HttpActor actor(String userId) {
        return HttpActor.as(http, userId, People.PASSWORD);
    }
}
