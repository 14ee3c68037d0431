package org.stocktake.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Organisations without accounts answer through response links, over HTTP: the addressee responds
 * through its link and a second use is refused; an expired, a withdrawn and an unknown link are
 * refused with what to do next; the owner reports its quarter through a link; only the
 * secretariat sends links, and a link opens nothing but its own organisation's task.
 */
@OnBothDatabases
@StocktakeSpringTest
class ResponseLinkTest {

    static final String REVIEW = Unique.reviewCode("LINKS");
    static final String EMAIL = "responses@bvrla.example";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor lead;

    @BeforeEach
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("links-bvrla", "Rental and leasing association").organisation("links-dft", "Transport department")
                .user("links-dft-lead", "links-dft").user("links-sec", "secretariat").user("links-board", "oversight-board");
        secretariat = HttpActor.as(http, "links-sec", People.PASSWORD);
        lead = HttpActor.as(http, "links-dft-lead", People.PASSWORD);
        new Journey(secretariat, admin).review(REVIEW, "PFD_REPORT");
    }

    @Test
    void anAddresseeWithoutAccountsRespondsThroughItsLinkOnceAndOnlyOnce() {
        long id = register("1", "links-bvrla", "links-dft");
        assertThat(lead.post(links(id), Map.of("addressee", "links-bvrla")).getStatusCode()).as("an organisation sends no link")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secretariat.post(links(id), Map.of("addressee", "links-bvrla", "email", "not an address")).getBody())
                .extractingByKey("detail").asString().contains("email");

        OffsetDateTime changed = lastChanged(id);
        ResponseEntity<Map<String, Object>> issued = secretariat.post(links(id), Map.of("addressee", "links-bvrla", "email", EMAIL));
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(lastChanged(id)).as("a link issued changes nothing the summary and the register show").isEqualTo(changed);
        assertThat(issued.getBody()).containsEntry("addressee", "links-bvrla").containsEntry("purpose", "RESPONSE")
                .containsEntry("sentTo", EMAIL).containsEntry("state", "USABLE");
        String path = path(issued);
        assertThat(jdbc.sql("select count(*) from response_link where token_hash = ?").param(path.substring("/respond/".length()))
                .query(Long.class).single()).as("the token itself is not kept").isZero();

        PageSession visitor = PageSession.anonymous(http);
        ResponseEntity<String> form = visitor.get(path);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(form.getBody()).contains("Respond to the recommendation", "Rental and leasing association", "Recommendation 1 of",
                "name=\"decision\"", "name=\"rationale\"").doesNotContain("Sign out", "<script");

        ResponseEntity<String> refused = visitor.post(path, form(Map.of("decision", "NOT_ACCEPTED", "responseText", "We disagree.")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("There is a problem", "href=\"#rationale\"", "Give your reasons", "We disagree.");
        assertThat(visitor.post(path, form(Map.of("decision", "NOT_ACCEPTED", "responseText", "We disagree.",
                "rationale", "Members already check hirers."))).getBody()).contains("Thank you: your answer was recorded");

        ResponseEntity<String> again = visitor.post(path, form(Map.of("decision", "ACCEPTED")));
        assertThat(again.getStatusCode()).as("a second use").isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody()).contains("This link has been used", "Each link works once");
        assertThat(visitor.get(path).getStatusCode()).isEqualTo(HttpStatus.GONE);

        assertThat(timeline(id))
                .contains("\"addressee\":\"links-bvrla\",\"decision\":\"NOT_ACCEPTED\"", "Members already check hirers.",
                        "\"by\":\"link:" + issued.getBody().get("id") + "\"", "Rental and leasing association responded through link sent to " + EMAIL + ": Not accepted",
                        "Link to respond to the recommendation for Rental and leasing association sent to " + EMAIL);
        assertThat(lead.exchange(HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null).getBody())
                .as("another addressee reads that a link was mailed, not to whom")
                .contains("Rental and leasing association responded through link sent by e-mail: Not accepted").doesNotContain(EMAIL);
        assertThat(secretariat.getList(links(id))).singleElement().satisfies(link -> assertThat(link)
                .containsEntry("state", "USED").doesNotContainKey("url"));
    }

    @Test
    void anExpiredAWithdrawnAndAnUnknownLinkAreRefusedWithWhatToDoNext() {
        long id = register("2", "links-bvrla");
        String first = path(secretariat.post(links(id), Map.of("addressee", "links-bvrla")));
        String second = path(secretariat.post(links(id), Map.of("addressee", "links-bvrla")));
        PageSession visitor = PageSession.from(http, "198.51.100.17");
        assertThat(visitor.get(first).getBody()).as("a newer link withdraws the older").contains("This link was withdrawn");

        jdbc.sql("update response_link set expires_at = ? where recommendation_id = ? and revoked_at is null")
                .params(OffsetDateTime.now().minusMinutes(1), id).update();
        ResponseEntity<String> expired = visitor.post(second, form(Map.of("decision", "ACCEPTED")));
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getBody()).contains("This link has expired", "ask the secretariat that sent you the link for a new one");

        Map<String, Object> third = secretariat.post(links(id), Map.of("addressee", "links-bvrla")).getBody();
        assertThat(secretariat.exchange(HttpMethod.DELETE, links(id) + "/" + third.get("id"), null, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(visitor.get(path(third)).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(timeline(id)).as("nothing recorded").doesNotContain("\"type\":\"RESPONSE\"");

        ResponseEntity<String> unknown = visitor.get("/respond/" + "x".repeat(43));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("This link does not work");
        for (int i = 1; i < 10; i++) {
            visitor.get("/respond/guess" + i);
        }
        assertThat(visitor.get(path(secretariat.post(links(id), Map.of("addressee", "links-bvrla")))).getStatusCode())
                .as("after ten wrong links from one address, even a right one is refused there for a while")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void anOwnerWithoutAccountsReportsItsQuarterThroughALink() {
        long id = register("3", "links-bvrla");
        PageSession visitor = PageSession.anonymous(http);
        visitor.post(path(secretariat.post(links(id), Map.of("addressee", "links-bvrla"))), form(Map.of("decision", "ACCEPTED")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(REVIEW + "/3").singleResult().getId();
        admin.runAsyncContinuations(instance);
        assertThat(secretariat.submitForm((String) secretariat.tasks(REVIEW + "/3").get(0).get("id"), Map.of("ownerGroup", "links-bvrla",
                "targetDate", LocalDate.now().plusYears(1).toString())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);
        assertThat(secretariat.post(links(id), Map.of("addressee", "links-bvrla")).getStatusCode())
                .as("nothing waits on the owner before its reporting window opens").isEqualTo(HttpStatus.CONFLICT);
        admin.fireTimer(instance, "IntermediateCatchEvent_ReportingWindowOpens");

        Map<String, Object> issued = secretariat.post(links(id), Map.of("addressee", "links-bvrla")).getBody();
        assertThat(issued).containsEntry("purpose", "PROGRESS_UPDATE");
        assertThat(visitor.get(path(issued)).getBody()).contains("Report progress on the recommendation", "name=\"rag\"");
        ResponseEntity<String> wrongDate = visitor.post(path(issued), form(Map.of("rag", "AMBER", "publicUpdate", "Guidance drafted.",
                "proposal", "REQUEST_EXTENSION", "proposedTargetDate", "31 Feb")));
        assertThat(wrongDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongDate.getBody()).contains("write it as day/month/year");
        String asked = LocalDate.now().plusYears(2).withDayOfMonth(1).toString();
        String ukWay = LocalDate.parse(asked).getDayOfMonth() + "/" + LocalDate.parse(asked).getMonthValue() + "/" + LocalDate.parse(asked).getYear();
        assertThat(visitor.post(path(issued), form(Map.of("rag", "AMBER", "publicUpdate", "Guidance drafted.", "restrictedNote",
                "The board chair is briefed.", "proposal", "REQUEST_EXTENSION", "proposedTargetDate", ukWay))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(timeline(id)).contains("through link handed on by the secretariat", "\"proposedTargetDate\":\"" + asked + "\"");
    }

    @Test
    void aLinkAnswersOnlyTheTaskItWasIssuedForNotALaterRoundNorAnotherGroup() {
        long id = register("4", "links-bvrla");
        assertThat(secretariat.post(links(id), Map.of("addressee", "secretariat")).getStatusCode())
                .as("a link never acts for a role").isEqualTo(HttpStatus.BAD_REQUEST);
        String firstRound = path(secretariat.post(links(id), Map.of("addressee", "links-bvrla")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(REVIEW + "/4").singleResult().getId();
        // the organisation answers round one another way (on paper, recorded by the engine with nobody signed in)
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                Map.of("decision", "NOT_ACCEPTED", "rationale", "Answered by letter."));
        admin.runAsyncContinuations(instance);
        HttpActor board = HttpActor.as(http, "links-board", People.PASSWORD);
        assertThat(board.submitForm((String) board.tasks(REVIEW + "/4").get(0).get("id"), Map.of("boardDecision", "RETURN",
                "boardComment", "Please think again.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("links-bvrla").count())
                .as("round two waits on the organisation").isOne();

        ResponseEntity<String> later = PageSession.anonymous(http).get(firstRound);
        assertThat(later.getStatusCode()).as("the round-one link does not answer round two").isEqualTo(HttpStatus.CONFLICT);
        assertThat(later.getBody()).contains("Nothing waits for an answer through this link");
    }

    private long register(String reference, String... addressees) {
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", reference,
                "text", "Recommendation " + reference + " of the report.", "addressees", List.of(addressees))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return ((Number) secretariat.getList("/api/recommendations?review=" + REVIEW).stream()
                .filter(recommendation -> recommendation.get("reference").equals(reference)).findFirst().orElseThrow().get("id")).longValue();
    }

    private OffsetDateTime lastChanged(long id) {
        return jdbc.sql("select updated_at from recommendation where id = ?").param(id).query(OffsetDateTime.class).single();
    }

    private String timeline(long id) {
        return secretariat.exchange(HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null).getBody();
    }

    private static String links(long id) {
        return "/api/recommendations/" + id + "/response-links";
    }

    private static String path(ResponseEntity<Map<String, Object>> issued) {
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return path(issued.getBody());
    }

    private static String path(Map<String, Object> issued) {
        String url = (String) issued.get("url");
        assertThat(url).matches("https?://[^/]+/respond/[A-Za-z0-9_-]{43}");
        return url.substring(url.indexOf("/respond/"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
