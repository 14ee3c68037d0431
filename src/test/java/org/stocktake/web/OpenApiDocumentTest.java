package org.stocktake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stocktake.support.HttpActor;
import org.stocktake.support.PageSession;
import org.stocktake.support.StocktakeSpringTest;

/**
 * The OpenAPI document at /api/openapi.json against the code: every /api endpoint is in it with
 * the media types it answers in (CSV and PDF included, never a vague any-type), its success status
 * as the endpoint answers it, and the problems it may answer with, as problem JSON.
 */
@StocktakeSpringTest
class OpenApiDocumentTest {

    /** Operations whose success is not a plain 200, as they answer (AccessMatrixTest and the API tests see them do so). */
    static final Map<String, Set<String>> SUCCESS = Map.of(
            "post /api/reviews", Set.of("201"),
            "post /api/reviews/{code}/recommendations", Set.of("201"),
            "post /api/imports", Set.of("200", "201", "202"),
            "post /api/recommendations/{id}/evidence", Set.of("201"),
            "post /api/recommendations/{id}/response-links", Set.of("201"),
            "delete /api/recommendations/{id}/response-links/{linkId}", Set.of("204"));

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode paths;

    @BeforeEach
    void document() throws Exception {
        var answer = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)
                .exchange(HttpMethod.GET, "/api/openapi.json", null, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        paths = new ObjectMapper().readTree(answer.getBody()).get("paths");
    }

    @Test
    void everyApiEndpointIsInTheDocumentWithTheMediaTypesItAnswersIn() {
        List<String> missing = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            for (String path : patterns(mapping)) {
                if (!path.startsWith("/api/") || path.startsWith("/api/openapi.json")) {
                    continue;
                }
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                        continue;
                    }
                    Set<String> documented = successTypes(operation);
                    mapping.getProducesCondition().getProducibleMediaTypes().forEach(type -> {
                        if (!documented.contains(type.toString())) {
                            missing.add(method + " " + path + " answering " + type);
                        }
                    });
                }
            }
        });
        assertThat(missing).as("endpoints or media types missing from /api/openapi.json").isEmpty();
        assertThat(successTypes(paths.path("/api/reviews/{code}/public-summary").path("get")))
                .contains("text/csv", "application/pdf", "application/json", "text/html");
        assertThat(successTypes(paths.path("/api/recommendations").path("get"))).contains("text/csv", "application/json");
    }

    @Test
    void everyOperationStatesItsSuccessAndItsProblems() {
        List<String> wrong = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String operation = entry.getKey() + " " + path.getKey();
            JsonNode responses = entry.getValue().get("responses");
            Set<String> successes = new TreeSet<>();
            responses.fieldNames().forEachRemaining(status -> {
                if (status.startsWith("2")) {
                    successes.add(status);
                }
            });
            if (!successes.equals(SUCCESS.getOrDefault(operation, Set.of("200")))) {
                wrong.add(operation + " documents success as " + successes);
            }
            List<String> problems = new ArrayList<>(List.of("401", "403"));
            if (path.getKey().contains("{")) {
                problems.add("404");
            }
            if (!entry.getKey().equals("get")) {
                problems.addAll(List.of("400", "409"));
            }
            for (String status : problems) {
                if (!responses.path(status).path("content").has("application/problem+json")) {
                    wrong.add(operation + " does not document " + status + " as problem JSON");
                }
            }
            if (successTypes(entry.getValue()).contains("*/*")) {
                wrong.add(operation + " documents its answer as any type");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void peopleReadTheSameOnAPageBehindTheSignIn() {
        assertThat(PageSession.anonymous(http).get("/reports/api").getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String page = PageSession.signIn(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD).get("/reports/api").getBody();
        assertThat(page).contains("<h1>Stocktake API</h1>", "POST /api/reviews", "201: Created; Location is its address",
                "GET /api/reviews/{code}/public-summary", "text/csv", "application/pdf", "401: Not signed in");
    }

    private static Set<String> patterns(RequestMappingInfo mapping) {
        return mapping.getPathPatternsCondition() == null ? Set.of() : mapping.getPathPatternsCondition().getPatternValues();
    }

    private static Set<String> successTypes(JsonNode operation) {
        Set<String> types = new TreeSet<>();
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        return types;
    }
}
