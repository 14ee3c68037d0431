package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The board pack over recommendations arranged through Tasklist's own calls: organisation A's
 * update is overdue and another of its updates is rated RED (so escalated); organisation B asks
 * for an extension and proposes a closure; a closure by other means awaits its assurance check.
 */
@StocktakeSpringTest
@OnBothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPackTest {

    static final String REVIEW = Unique.reviewCode("PACK");
    static final String RESTRICTED_NOTE = "Restricted: the bid for funding failed";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    QuarterlyBoardPacks quarterly;

    HttpActor admin;
    HttpActor board;
    HttpActor observer;
    HttpActor ownerA;
    HttpActor ownerB;

    @BeforeAll
    void arrange() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("pack-a", "Organisation A").organisation("pack-b", "Organisation B")
                .user("pack-a-lead", "pack-a").user("pack-b-lead", "pack-b").user("pack-sec", "secretariat")
                .user("pack-board", "oversight-board").user("pack-observer", "observer");
        HttpActor secretariat = actor("pack-sec");
        board = actor("pack-board");
        observer = actor("pack-observer");
        ownerA = actor("pack-a-lead");
        ownerB = actor("pack-b-lead");
        Journey journey = new Journey(secretariat, admin).review(REVIEW, "REVIEW");

        String overdue = journey.toFirstUpdate(REVIEW, "1", "pack-a", ownerA);
        Task update = tasks.createTaskQuery().processInstanceId(overdue).singleResult();
        update.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
        tasks.saveTask(update);

        submit(ownerA, journey.toFirstUpdate(REVIEW, "2", "pack-a", ownerA), "2", Map.of("rag", "RED",
                "publicUpdate", "Funding is not agreed.", "restrictedNote", RESTRICTED_NOTE, "proposal", "CONTINUE"));
        submit(ownerB, journey.toFirstUpdate(REVIEW, "3", "pack-b", ownerB), "3", Map.of("rag", "AMBER",
                "publicUpdate", "Procurement is late.", "proposal", "REQUEST_EXTENSION",
                "proposedTargetDate", LocalDate.now().plusYears(2).toString()));
        submit(ownerB, journey.toFirstUpdate(REVIEW, "4", "pack-b", ownerB), "4", Map.of("rag", "GREEN",
                "publicUpdate", "Done.", "proposal", "PROPOSE_RESOLVED"));
        String otherMeans = journey.toFirstUpdate(REVIEW, "5", "pack-b", ownerB);
        submit(ownerB, otherMeans, "5", Map.of("rag", "GREEN", "publicUpdate", "Met by the national programme.",
                "proposal", "PROPOSE_RESOLVED_OTHER_MEANS"));
        submit(board, otherMeans, "5", Map.of("boardDecision", "APPROVE", "boardComment", "Agreed."));
        admin.fireTimer(otherMeans, "IntermediateCatchEvent_AssuranceDue");
    }

    @Test
    void theBoardSeesEveryKindOfItemWithTheRestrictedNote() {
        Map<String, List<String>> pack = itemsBySection(board);

        assertThat(pack.get("Overdue progress updates")).contains(REVIEW + "/1");
        assertThat(pack.get("Rated RED")).contains(REVIEW + "/2");
        assertThat(pack.get("Escalations")).contains(REVIEW + "/2");
        assertThat(pack.get("Extension requests")).contains(REVIEW + "/3");
        assertThat(pack.get("Closures awaiting sign-off")).contains(REVIEW + "/4");
        assertThat(pack.get("Assurance checks due")).contains(REVIEW + "/5");
        assertThat(pack.entrySet()).filteredOn(section -> section.getKey().startsWith("Decisions in "))
                .singleElement().satisfies(section -> assertThat(section.getValue()).contains(REVIEW + "/5"));
        assertThat(board.getText("/api/board-pack", MediaType.APPLICATION_JSON).getBody()).contains(RESTRICTED_NOTE);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnItemsAndAnObserverNoRestrictedNote() {
        Map<String, List<String>> packB = itemsBySection(ownerB);
        assertThat(packB.values().stream().flatMap(List::stream).filter(key -> key.startsWith(REVIEW + "/")).distinct())
                .containsExactlyInAnyOrder(REVIEW + "/3", REVIEW + "/4", REVIEW + "/5");
        assertThat(ownerB.get("/api/board-pack").getBody()).containsEntry("scope", "Your organisation's recommendations");
        assertThat(ownerB.getText("/api/board-pack", MediaType.TEXT_HTML).getBody()).doesNotContain(REVIEW + "/2", RESTRICTED_NOTE);

        assertThat(itemsBySection(observer).get("Rated RED")).contains(REVIEW + "/2");
        assertThat(observer.getText("/api/board-pack", MediaType.APPLICATION_JSON).getBody()).doesNotContain(RESTRICTED_NOTE);
        assertThat(observer.getText("/api/board-pack", MediaType.TEXT_HTML).getBody()).doesNotContain("class=\"protective-marking\"");
    }

    @Test
    void thePageAndThePdfRender() {
        String page = board.getText("/api/board-pack", MediaType.TEXT_HTML).getBody();
        assertThat(page).contains("<h1>Board pack, ", "Rated RED", REVIEW + "/2", "Organisation A", RESTRICTED_NOTE,
                "class=\"protective-marking\">OFFICIAL-SENSITIVE");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("pack-board", People.PASSWORD).getForEntity("/api/board-pack?format=pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aQuarterlyPackIsKeptOnceAndReadAsItWas() {
        String quarter = quarterly.produceForQuarterJustEnded();
        String kept = board.getText("/api/board-packs/" + quarter, MediaType.TEXT_HTML).getBody();
        assertThat(kept).contains("Board pack, " + quarter, REVIEW + "/2", RESTRICTED_NOTE);

        assertThat(quarterly.produceForQuarterJustEnded()).isEqualTo(quarter);
        assertThat(board.getList("/api/board-packs")).filteredOn(pack -> quarter.equals(pack.get("quarter"))).hasSize(1);
        assertThat(board.getText("/api/board-packs/" + quarter, MediaType.TEXT_HTML).getBody()).isEqualTo(kept);
        assertThat(http.withBasicAuth("pack-board", People.PASSWORD).getForEntity("/api/board-packs/" + quarter + "?format=pdf",
                byte[].class).getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        assertThat(ownerA.exchange(HttpMethod.GET, "/api/board-packs", null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(observer.exchange(HttpMethod.GET, "/api/board-packs/" + quarter, null, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(board.exchange(HttpMethod.GET, "/api/board-packs/1999-Q1", null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theQuarterJustEndedIsLondonsAcrossMidnightInSummerTime() {
        try {
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-31T22:30:00Z")));
            assertThat(quarterly.produceForQuarterJustEnded()).as("half past eleven on 31 March in London").isEqualTo("2030-Q4");
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-31T23:30:00Z")));
            assertThat(quarterly.produceForQuarterJustEnded()).as("half past midnight on 1 April in London, still 31 March in UTC")
                    .isEqualTo("2031-Q1");
        } finally {
            ClockUtil.reset();
        }
    }

    private void submit(HttpActor actor, String processInstanceId, String reference, Map<String, ?> fields) {
        Map<String, Object> task = actor.tasks(REVIEW + "/" + reference).get(0);
        assertThat(actor.submitForm((String) task.get("id"), fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> itemsBySection(HttpActor reader) {
        Map<String, Object> pack = reader.get("/api/board-pack").getBody();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) pack.get("sections")) {
            sections.put((String) section.get("title"), ((List<Map<String, Object>>) section.get("items")).stream()
                    .map(item -> (String) item.get("businessKey")).toList());
        }
        return sections;
    }

    private HttpActor actor(String user) {
        return HttpActor.as(http, user, People.PASSWORD);
    }
}
