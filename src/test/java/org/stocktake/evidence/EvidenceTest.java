package org.stocktake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.security.Fingerprint;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * Evidence files over HTTP: a file is taken for what its content is, and one whose name lies about
 * it is refused; restricted files reach only the owner, the secretariat and the board, public ones
 * anyone who sees the recommendation; the board's sign-off keeps the fingerprints it saw, and a
 * file changed afterwards no longer matches them.
 */
@OnBothDatabases
@StocktakeSpringTest
class EvidenceTest {

    static final String REVIEW = Unique.reviewCode("EVIDENCE");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void evidenceIsCheckedByItsContentReadAsRestrictedAndFingerprintedAtSignOff() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("ev-org", "Evidence organisation").organisation("ev-other", "Other organisation")
                .user("ev-lead", "ev-org").user("ev-other-lead", "ev-other").user("ev-sec", "secretariat").user("ev-board", "oversight-board")
                .user("ev-observer", "observer");
        HttpActor lead = actor("ev-lead");
        HttpActor board = actor("ev-board");
        HttpActor observer = actor("ev-observer");
        String instance = new Journey(actor("ev-sec"), admin).review(REVIEW, "REVIEW").toFirstUpdate(REVIEW, "1", "ev-org", lead);
        Object id = lead.getList("/api/recommendations?review=" + REVIEW).get(0).get("id");
        String files = "/api/recommendations/" + id + "/evidence";

        ResponseEntity<Map<String, Object>> report = lead.upload(files, "report.pdf", PDF);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(report.getBody()).containsEntry("fileName", "report.pdf").containsEntry("contentType", "application/pdf")
                .containsEntry("sha256", Fingerprint.sha256(PDF)).containsEntry("published", false);
        ResponseEntity<Map<String, Object>> photo = lead.upload(files + "?public=true", "photo.png", PNG);
        assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> page = lead.upload(files, "minutes.pdf",
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(page.getStatusCode()).as("an HTML page named as a PDF").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody().get("detail").toString()).contains("minutes.pdf is not what its name says: its content is text/html");
        assertThat(lead.upload(files, "chart.pdf", PNG).getStatusCode()).as("an image named as a PDF").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.upload(files, "tool.exe", "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1)).getStatusCode())
                .as("a program").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.upload(files, "plan.docx", docx()).getStatusCode()).as("an Office Open XML document").isEqualTo(HttpStatus.CREATED);
        assertThat(lead.upload(files, "archive.docx", zip("notes.txt")).getStatusCode()).as("a bare ZIP named as a document")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] noKind = new byte[4096];
        new Random(17).nextBytes(noKind);
        assertThat(lead.upload(files, "scan.pdf", noKind).getStatusCode()).as("content of no kind, going by its name alone")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.upload(files, "report\u202Efdp.exe", PDF).getStatusCode()).as("a name written backwards to hide what it is")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(observer.upload(files, "mine.pdf", PDF).getStatusCode()).as("only owner, secretariat and board add evidence")
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(names(lead.getList(files))).containsExactly("report.pdf", "photo.png", "plan.docx");
        assertThat(names(observer.getList(files))).as("an observer reads only what may be published").containsExactly("photo.png");
        assertThat(actor("ev-other-lead").exchange(HttpMethod.GET, files, null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(observer.exchange(HttpMethod.GET, files + "/" + report.getBody().get("id"), null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> download = http.withBasicAuth("ev-board", People.PASSWORD)
                .getForEntity(files + "/" + report.getBody().get("id"), byte[].class);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;").contains("report.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        lead.submitForm((String) lead.tasks(REVIEW + "/1").get(0).get("id"), Map.of("rag", "GREEN", "publicUpdate", "Delivered.",
                "proposal", "PROPOSE_RESOLVED", "evidence", "See the report."));
        admin.runAsyncContinuations(instance);
        assertThat(board.submitForm((String) board.tasks(REVIEW + "/1").get(0).get("id"), Map.of("boardDecision", "APPROVE",
                "boardComment", "The report shows it done.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);
        assertThat(lead.upload(files, "afterwards.pdf", PDF).getStatusCode()).as("what the board signed off stays as it saw it")
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(board.exchange(HttpMethod.GET, "/api/recommendations/" + id + "/timeline", null, null).getBody())
                .contains("Evidence added: report.pdf (PDF, 1 KB)", "Seen at the board's sign-off: report.pdf, SHA-256 " + Fingerprint.sha256(PDF));
        String check = files + "/" + report.getBody().get("id") + "/check";
        assertThat(board.get(check).getBody()).containsEntry("intact", true).containsEntry("sha256Now", Fingerprint.sha256(PDF))
                .extractingByKey("signOffs", LIST).singleElement().asString().contains(Fingerprint.sha256(PDF));

        byte[] altered = new String(PDF, StandardCharsets.US_ASCII).replace("Catalog", "Catalog ").getBytes(StandardCharsets.US_ASCII);
        jdbc.sql("update evidence_file set content = ? where id = ?").params(altered, report.getBody().get("id")).update();
        assertThat(board.get(check).getBody()).as("a file changed after the sign-off").containsEntry("intact", false)
                .containsEntry("sha256Now", Fingerprint.sha256(altered));

        String evidencePage = "/reports/reviews/" + REVIEW + "/1/evidence";
        assertThat(PageSession.signIn(http, "ev-lead", People.PASSWORD).get(evidencePage).getBody())
                .as("the owner's page on the closed recommendation: its files, and no form it may no longer use")
                .contains("report.pdf", "photo.png", Fingerprint.sha256(PDF), "Seen by the board at its sign-off",
                        "This recommendation is closed:").doesNotContain("enctype=\"multipart/form-data\"");
        assertThat(PageSession.signIn(http, "ev-board", People.PASSWORD).get(evidencePage).getBody())
                .as("the board, who checks a closure again, still adds files").contains("enctype=\"multipart/form-data\"")
                .doesNotContain("This recommendation is closed:");

        actor("ev-sec").post("/api/reviews/" + REVIEW + "/publish", null);
        PageSession visitor = PageSession.anonymous(http);
        String publicPage = "/public/reviews/" + REVIEW + "/1";
        assertThat(visitor.get(publicPage).getBody()).as("a published review shows the files marked public, and only those")
                .contains("photo.png", publicPage + "/evidence/" + photo.getBody().get("id")).doesNotContain("report.pdf");
        assertThat(http.getForEntity(publicPage + "/evidence/" + photo.getBody().get("id"), byte[].class).getBody()).isEqualTo(PNG);
        assertThat(http.getForEntity(publicPage + "/evidence/" + report.getBody().get("id"), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The smallest Word document: an Office Open XML package naming its main part. */
    private static byte[] docx() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    private static byte[] zip(String... entries) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("<x>" + entry + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpActor actor(String user) {
        return HttpActor.as(http, user, People.PASSWORD);
    }

    private static List<Object> names(List<Map<String, Object>> files) {
        return files.stream().map(file -> file.get("fileName")).toList();
    }
}
