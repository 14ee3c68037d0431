package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.stocktake.engine.access.EngineRestApi.Call;
import org.stocktake.support.HttpActor;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.WebappSession;

/**
 * Walks every call the engine's REST API declares, on both of its doors, as each role that is not
 * an administrator: each is answered as {@link EngineRestSurface} says, refused by the fence
 * (403) unless it is allowed. Every call must be either allowed or refused on purpose, with a
 * reason, so a resource a Camunda upgrade adds fails this test until someone decides about it.
 */
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestSurfaceTest {

    static final List<Call> CALLS = EngineRestApi.calls();
    /** Each role that is not an administrator, by the user who has it. */
    static final Map<String, String> ROLES = Map.of("an organisation's lead", "surface-lead", "the secretariat", "surface-sec",
            "the board", "surface-board", "an observer", "surface-observer");
    static final String PROBE = "surface-probe";
    /** Keys the engine knows, so a call by key reaches the fence rather than stopping at "no such key". */
    static final Map<String, String> KNOWN_KEYS = Map.of("/process-definition/key/" + PROBE, "/process-definition/key/RecommendationLifecycle",
            "/decision-definition/key/" + PROBE, "/decision-definition/key/EscalationPolicy");

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    void people() {
        new People(HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD))
                .organisation("surface-org", "Surface organisation").user("surface-lead", "surface-org").user("surface-sec", "secretariat")
                .user("surface-board", "oversight-board").user("surface-observer", "observer");
    }

    @Test
    void everyCallTheEngineDeclaresIsAllowedOrRefusedOnPurpose() {
        assertThat(CALLS).hasSizeGreaterThan(400);
        List<Call> unclassified = CALLS.stream()
                .filter(call -> EngineRestSurface.allowed(call.method(), call.template()).isEmpty())
                .filter(call -> EngineRestSurface.refusal(call.template()).isEmpty())
                .toList();
        assertThat(unclassified).as("calls neither allowed nor refused on purpose in EngineRestSurface").isEmpty();
    }

    @Test
    void everyAllowedCallIsOneTheEngineDeclares() {
        List<String> declared = CALLS.stream().map(call -> call.method() + " " + EngineRestSurface.normalise(call.template())).toList();
        assertThat(EngineRestSurface.ALLOWED).filteredOn(allowed -> !allowed.template().equals("*"))
                .allSatisfy(allowed -> assertThat(declared).as("allowed but not declared")
                        .contains(allowed.method() + " " + EngineRestSurface.normalise(allowed.template())));
    }

    static Stream<String> roles() {
        return ROLES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}, through /engine-rest")
    @MethodSource("roles")
    void overBasicAuthenticationEachRoleReachesOnlyTheAllowedCalls(String role) {
        HttpActor person = HttpActor.as(http, ROLES.get(role), People.PASSWORD);
        assertThat(misanswered(call -> person.exchange(HttpMethod.valueOf(call.method()), "/engine-rest" + path(call), body(call),
                type(call)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}, through Tasklist's session")
    @MethodSource("roles")
    void inTasklistsSessionEachRoleReachesOnlyTheAllowedCalls(String role) {
        WebappSession session = WebappSession.signIn(http, ROLES.get(role), People.PASSWORD);
        assertThat(misanswered(call -> session.engine(HttpMethod.valueOf(call.method()), path(call), body(call), type(call))))
                .isEmpty();
    }

    @Test
    void anAdministratorPassesTheFence() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        for (String refused : List.of("/deployment?maxResults=1", "/job?maxResults=1", "/incident?maxResults=1", "/decision-definition?maxResults=1",
                "/history/detail?maxResults=1")) {
            assertThat(admin.exchange(HttpMethod.GET, "/engine-rest" + refused, null, null).getStatusCode()).as(refused).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void withoutSigningInTheWebappsDoorAnswersNothingAndEngineRestOnlyWhatASignInPageNeeds() {
        // the webapps sit behind Stocktake's one sign-in page: nothing of theirs answers before it
        assertThat(http.getForEntity(WebappSession.ENGINE_API.replace("/engine/default", "/engine/"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(WebappSession.ENGINE_API + "/task?maxResults=1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * The calls whose answer is not what the allow-list says: refused by the fence exactly when not
     * allowed. A call by an unknown key stops before the fence, where the engine looks the key up
     * (with the caller's rights) to find the resource: that is no answer from the resource either.
     */
    private List<String> misanswered(Function<Call, ResponseEntity<String>> caller) {
        // the calls are independent of each other: two at a time, as two cores can answer them
        return CALLS.parallelStream().flatMap(call -> misanswer(call, caller.apply(call)).stream()).toList();
    }

    private static Optional<String> misanswer(Call call, ResponseEntity<String> answer) {
        String body = answer.getBody() == null ? "" : answer.getBody();
        boolean fenced = answer.getStatusCode().value() == 403 && body.contains("\"AccessDenied\"");
        boolean unknownKey = answer.getStatusCode().value() == 404 && body.contains("No matching");
        var allowed = EngineRestSurface.allowed(call.method(), call.template());
        if (allowed.isEmpty() && !fenced && !unknownKey) {
            return Optional.of(call + " was not refused: " + answer.getStatusCode() + " " + answer.getBody());
        }
        if (allowed.isPresent() && allowed.get().condition() == EngineRestSurface.Condition.NONE && fenced) {
            return Optional.of(call + " is allowed but was refused: " + answer.getBody());
        }
        return Optional.empty();
    }

    private static String path(Call call) {
        String path = call.path(PROBE);
        for (Map.Entry<String, String> known : KNOWN_KEYS.entrySet()) {
            path = path.replace(known.getKey(), known.getValue());
        }
        return path;
    }

    private static Object body(Call call) {
        if (MediaType.MULTIPART_FORM_DATA_VALUE.equals(call.consumes())) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("probe", PROBE);
            return form;
        }
        return call.consumes() == null ? null : "{}";
    }

    private static MediaType type(Call call) {
        return call.consumes() == null ? null : MediaType.parseMediaType(call.consumes());
    }
}
