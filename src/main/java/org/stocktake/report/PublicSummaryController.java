package org.stocktake.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.imports.SpreadsheetCells;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Visibility;

/**
 * {@code GET /api/reviews/{code}/public-summary}: the publishable report as JSON, CSV, an HTML
 * page or PDF, by {@code Accept} or {@code ?format=json|csv|html|pdf}; the same under
 * {@code /reports} for people signed in with a browser.
 */
@RestController
@RequestMapping({"/api/reviews/{code}/public-summary", "/reports/reviews/{code}/public-summary"})
class PublicSummaryController {

    static final String TEMPLATE = "public-summary";

    private final PublicSummaryService summaries;
    private final PageRenderer pages;
    private final RecommendationService recommendations;
    private final Visibility visibility;

    PublicSummaryController(PublicSummaryService summaries, PageRenderer pages, RecommendationService recommendations, Visibility visibility) {
        this.summaries = summaries;
        this.pages = pages;
        this.recommendations = recommendations;
        this.visibility = visibility;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PublicSummary json(@PathVariable String code) {
        return summaries.of(code);
    }

    /** The page links each recommendation the reader may see to its own page; the published PDF links nothing. */
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String code) {
        Set<String> linked = visibility.visible(recommendations.listByReview(code)).stream().map(Recommendation::reference)
                .collect(Collectors.toSet());
        return pages.page(TEMPLATE, Map.of("summary", summaries.of(code), "linked", linked, "pageOf", "/reports/reviews/" + code + "/"));
    }

    @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        PublicSummary summary = summaries.of(code);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(code, "pdf")).body(pages.pdf(pages.document(TEMPLATE, Map.of("summary", summary, "linked", Set.of(), "pageOf", ""))));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String code) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(code, "csv")).body(csvOf(summaries.of(code)));
    }

    /** The summary as CSV, one row per recommendation, each cell safe to open in a spreadsheet. */
    static String csvOf(PublicSummary summary) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder()
                .setHeader("section", "number", "text", "status", "owner", "target_date", "original_target_date", "latest_update",
                        "updated_on").get())) {
            for (PublicSummary.Section section : summary.sections()) {
                for (PublicSummary.Item item : section.items()) {
                    printer.printRecord(SpreadsheetCells.row(section.name(), item.number(), item.text(), item.status(), item.owner(),
                            item.targetDate(), item.originalTargetDate(), item.latestUpdate(), item.updatedOn()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    static String attachment(String code, String extension) {
        return ContentDisposition.attachment().filename(code + "-public-summary." + extension).build().toString();
    }
}
