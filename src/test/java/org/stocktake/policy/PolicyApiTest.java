package org.stocktake.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The secretariat changes the escalation policy at run time through {@code /api/policies}: the
 * next escalation follows the new version, and a table that would break the process is refused
 * whole, with its problems named.
 */
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyApiTest {

    static final String REVIEW = Unique.reviewCode("POLICY");
    static final String ESCALATION_PATH = "/api/policies/EscalationPolicy";

    @Autowired
    TestRestTemplate http;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor owner;
    HttpActor board;
    Journey journey;
    String shippedTable;

    @BeforeAll
    void people() throws IOException {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("policy-owner", "Policy owner").user("p-owner", "policy-owner").user("p-sec", "secretariat")
                .user("p-board", "oversight-board");
        secretariat = HttpActor.as(http, "p-sec", People.PASSWORD);
        owner = HttpActor.as(http, "p-owner", People.PASSWORD);
        board = HttpActor.as(http, "p-board", People.PASSWORD);
        journey = new Journey(secretariat, admin).review(REVIEW, "REVIEW");
        shippedTable = resource("bpmn/escalation-policy.dmn");
    }

    @Test
    void aNewVersionChangesWhereTheNextRedRatingGoes() throws IOException {
        assertThat(boardTasksAfterARedRating("1")).containsExactly("Task_ReviewEscalation");

        ResponseEntity<Map<String, Object>> deployed = put(secretariat, resource("policies/escalation-policy-red-not-to-board.dmn"));
        try {
            assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(deployed.getBody()).containsEntry("key", "EscalationPolicy").containsEntry("changed", true);
            assertThat(currentVersion()).isEqualTo(deployed.getBody().get("version"));

            assertThat(boardTasksAfterARedRating("2")).isEmpty();
        } finally {
            assertThat(put(secretariat, shippedTable).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(boardTasksAfterARedRating("3")).containsExactly("Task_ReviewEscalation");
    }

    @Test
    void theSameTableAgainChangesNothing() {
        int version = currentVersion();
        String table = secretariat.getText(ESCALATION_PATH, MediaType.APPLICATION_XML).getBody();

        ResponseEntity<Map<String, Object>> again = put(secretariat, table);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("changed", false).containsEntry("version", version);
    }

    @Test
    void aTableThatWouldBreakTheProcessIsRefusedWithWhatIsWrong() {
        int version = currentVersion();
        Map<String, String> broken = Map.of(
                "not XML", "the board decides",
                "a DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + shippedTable.substring(
                        shippedTable.indexOf("<definitions")),
                "JUEL", shippedTable.replace("<inputExpression id=\"InputExpression_daysOverdue\"",
                        "<inputExpression id=\"InputExpression_daysOverdue\" expressionLanguage=\"juel\""),
                "another decision", shippedTable.replace("id=\"EscalationPolicy\"", "id=\"SomethingElse\""),
                "no history time to live", shippedTable.replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", ""),
                "a missing rule", shippedTable.replaceAll("(?s)<rule id=\"Rule_UpdateJustOverdue\">.*?</rule>", ""),
                "a severity nobody knows", shippedTable.replace("<text>\"MEDIUM\"</text>", "<text>\"URGENT\"</text>"),
                // more than the FEEL engine of Camunda 7.24 can be trusted with: plain cells only
                "a FEEL expression in a test", shippedTable.replaceFirst("<text>\"RESPONSE_OVERDUE\"</text>",
                        "<text>\"RESPONSE_OVERDUE\", some x in [1] satisfies x > 0</text>"),
                "a computed output", shippedTable.replaceFirst("<text>\"HIGH\"</text>", "<text>\"HI\" + \"GH\"</text>"),
                "a literal expression", shippedTable.replaceFirst("(?s)<decisionTable .*</decisionTable>",
                        "<literalExpression id=\"Literal_Probe\"><text>reason</text></literalExpression>"));
        Map<String, String> expectedField = Map.of("not XML", "body", "a DOCTYPE", "body", "JUEL", "InputExpression_daysOverdue",
                "another decision", "decision", "no history time to live", "historyTimeToLive", "a missing rule", "rules",
                "a severity nobody knows", "rules", "a FEEL expression in a test", "rule 1 (Rule_PfdResponseOverdue), input 1 (Why)",
                "a computed output", "rule 1 (Rule_PfdResponseOverdue), output 3 (Severity)", "a literal expression", "Literal_Probe");

        broken.forEach((what, table) -> {
            ResponseEntity<Map<String, Object>> refused = put(secretariat, table);
            assertThat(refused.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(what).extracting(error -> error.get("field")).contains(expectedField.get(what));
        });
        assertThat(errors(put(secretariat, broken.get("a missing rule")))).singleElement()
                .satisfies(error -> assertThat((String) error.get("message")).contains("UPDATE_OVERDUE", "daysOverdue=0", "no rule matches"));
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void onlyTheSecretariatChangesAPolicyAndTooLargeOrUnknownIsRefused() {
        assertThat(put(board, shippedTable).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(owner, shippedTable).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(HttpActor.anonymous(http), shippedTable).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(owner.exchange(HttpMethod.GET, "/api/policies", null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(board.getList("/api/policies")).extracting(policy -> policy.get("key"))
                .containsExactly("EscalationPolicy", "AssurancePolicy");

        assertThat(put(secretariat, "<x>" + " ".repeat(1024 * 1024) + "</x>").getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(secretariat.exchange(HttpMethod.PUT, "/api/policies/NoSuchPolicy", shippedTable, MediaType.APPLICATION_XML)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A new recommendation whose owner rates its first update RED: what the board is then asked to do. */
    private List<Object> boardTasksAfterARedRating(String reference) {
        String processInstanceId = journey.toFirstUpdate(REVIEW, reference, "policy-owner", owner);
        Map<String, Object> update = owner.tasks(REVIEW + "/" + reference).get(0);
        assertThat(owner.submitForm((String) update.get("id"), Map.of("rag", "RED", "publicUpdate", "Funding has not been agreed.",
                "proposal", "CONTINUE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
        return board.tasks(REVIEW + "/" + reference).stream().map(task -> task.get("taskDefinitionKey")).toList();
    }

    private int currentVersion() {
        return secretariat.getList("/api/policies").stream().filter(policy -> "EscalationPolicy".equals(policy.get("key")))
                .map(policy -> (Integer) policy.get("version")).findFirst().orElseThrow();
    }

    private ResponseEntity<Map<String, Object>> put(HttpActor actor, String table) {
        return actor.putFile(ESCALATION_PATH, table.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> refused) {
        return (List<Map<String, Object>>) refused.getBody().get("errors");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
