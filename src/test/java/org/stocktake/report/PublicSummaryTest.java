package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The public summary of the Harris Review as its progress report one year on gave it, and of a
 * recommendation whose owner wrote a restricted note: in every format, what may be published and
 * nothing else.
 */
@StocktakeSpringTest
@OnBothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSummaryTest {

    /** The Harris file under a code of its own, so the import tests sharing this context still create theirs. */
    static final String HARRIS = Unique.reviewCode("HARRIS-PUBLIC");
    static final String RESTRICTED_REVIEW = Unique.reviewCode("PUBLISH");
    static final String RESTRICTED_NOTE = "Restricted: the contractor is in administration";
    static final String PUBLIC_UPDATE = "New radios are being procured.";

    @Autowired
    TestRestTemplate http;

    HttpActor secretariat;
    HttpActor reader;

    @BeforeAll
    void harrisAndARecommendationWithARestrictedNote() throws IOException {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("publish-owner", "Publishing Fire Service").user("pub-owner", "publish-owner")
                .user("pub-sec", "secretariat").organisation("publish-other", "Other Service").user("pub-reader", "publish-other");
        secretariat = HttpActor.as(http, "pub-sec", People.PASSWORD);
        reader = HttpActor.as(http, "pub-reader", People.PASSWORD);
        try (InputStream harris = new ClassPathResource("demo/harris-review-2016.csv").getInputStream()) {
            String file = new String(harris.readAllBytes(), StandardCharsets.UTF_8).replace("\nHARRIS-2016,", "\n" + HARRIS + ",");
            assertThat(secretariat.postFile("/api/imports", file.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"))
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        HttpActor owner = HttpActor.as(http, "pub-owner", People.PASSWORD);
        String processInstanceId = new Journey(secretariat, admin).review(RESTRICTED_REVIEW, "INSPECTION")
                .toFirstUpdate(RESTRICTED_REVIEW, "1", "publish-owner", owner);
        Map<String, Object> update = owner.tasks(RESTRICTED_REVIEW + "/1").get(0);
        assertThat(owner.submitForm((String) update.get("id"), Map.of("rag", "AMBER", "publicUpdate", PUBLIC_UPDATE,
                "restrictedNote", RESTRICTED_NOTE, "proposal", "CONTINUE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(processInstanceId);
    }

    @Test
    void harrisOneYearOnHas85Of127Resolved() {
        Map<String, Object> summary = reader.get("/api/reviews/" + HARRIS + "/public-summary").getBody();

        assertThat(summary).containsEntry("total", 127).containsEntry("resolved", 85)
                .containsEntry("headline", "85 of 127 recommendations (67%) resolved");
        assertThat(summary.get("counts")).asList().containsExactly(
                Map.of("status", "Resolved", "count", 73), Map.of("status", "Resolved by other means", "count", 12),
                Map.of("status", "In progress", "count", 42));
        List<Map<String, Object>> items = items(summary);
        assertThat(items).hasSize(127);
        // sections in the order of their first recommendation, numbers in counting order within each
        assertThat(sections(summary)).extracting(section -> section.get("name")).containsExactly("OTHER", "MAYORALTY");
        assertThat(items(sections(summary).get(1)).subList(0, 4)).extracting(item -> item.get("number"))
                .containsExactly("2", "7", "8", "10");
        assertThat(items).filteredOn(item -> item.get("number").equals("1")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("status", "Resolved")
                        // imported from the register: the day of the import is not the day it was written
                        .doesNotContainKey("updatedOn")
                        .extractingByKey("latestUpdate").asString().startsWith("The Chair of the LRF has carried out a questionnaire"));
    }

    @Test
    void everyFormatListsTheSameRecommendations() throws IOException {
        String html = reader.getText("/api/reviews/" + HARRIS + "/public-summary", MediaType.TEXT_HTML).getBody();
        assertThat(html).contains("<title>Harris Review of London", "<h1>Harris Review of London", "85 of 127 recommendations (67%) resolved");
        assertThat(html.split("class=\"number\"", -1)).hasSize(128);

        String csv = reader.getText("/api/reviews/" + HARRIS + "/public-summary?format=csv", MediaType.ALL).getBody();
        assertThat(csv).startsWith("section,number,text,status,owner,target_date,original_target_date,latest_update,updated_on");
        assertThat(csv.lines().filter(line -> line.matches("^[A-Za-z ]+,\\d+,.*"))).hasSize(127);

        String pdf = pdfText(HARRIS);
        assertThat(pdf).contains("85 of 127 recommendations (67%) resolved", "Resolved by other means");
    }

    @Test
    void noFormatShowsARestrictedNoteOrAPersonsName() throws IOException {
        String path = "/api/reviews/" + RESTRICTED_REVIEW + "/public-summary";
        List<String> formats = List.of(
                reader.getText(path, MediaType.APPLICATION_JSON).getBody(),
                reader.getText(path, MediaType.TEXT_HTML).getBody(),
                reader.getText(path + "?format=csv", MediaType.ALL).getBody(),
                pdfText(RESTRICTED_REVIEW));
        for (String format : formats) {
            assertThat(format).contains(PUBLIC_UPDATE, "Publishing Fire Service").doesNotContain(RESTRICTED_NOTE, "pub-owner");
        }
        assertThat(items(reader.get(path).getBody())).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("status", "In progress").containsKey("updatedOn"));
    }

    @Test
    void anUnknownReviewIsNotFoundAndNobodyReadsItSignedOut() {
        assertThat(reader.get("/api/reviews/NO-SUCH-REVIEW/public-summary").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(HttpActor.anonymous(http).exchange(HttpMethod.GET, "/api/reviews/" + HARRIS + "/public-summary", null, null)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String pdfText(String review) throws IOException {
        ResponseEntity<byte[]> pdf = http.withBasicAuth("pub-reader", People.PASSWORD)
                .getForEntity("/api/reviews/" + review + "/public-summary?format=pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Map<String, Object> summary) {
        return (List<Map<String, Object>>) summary.get("sections");
    }

    /** The items of a summary, or of one of its sections. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> summaryOrSection) {
        if (summaryOrSection.containsKey("items")) {
            return (List<Map<String, Object>>) summaryOrSection.get("items");
        }
        return sections(summaryOrSection).stream().flatMap(section -> items(section).stream()).toList();
    }
}
