package org.stocktake.report;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.errors.NotFoundException;
import org.stocktake.evidence.EvidenceFile;
import org.stocktake.evidence.EvidenceService;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;

/**
 * A published review's progress report, open to anyone without signing in, at stable addresses:
 * {@code /public/reviews/{code}} (a page, or {@code .json} and {@code .csv}) and a page per
 * recommendation at {@code /public/reviews/{code}/{reference}} with the evidence files marked public. It is the public summary, which is
 * built from what may be published only (no restricted note, no person's id). A review the
 * secretariat has not published is not found here, as one that does not exist.
 */
@RestController
@RequestMapping("/public/reviews")
class PublishedReviewController {

    private final PublicSummaryService summaries;
    private final ReviewService reviews;
    private final PageRenderer pages;
    private final RecommendationService recommendations;
    private final EvidenceService evidence;

    PublishedReviewController(PublicSummaryService summaries, ReviewService reviews, PageRenderer pages, RecommendationService recommendations,
                              EvidenceService evidence) {
        this.summaries = summaries;
        this.reviews = reviews;
        this.pages = pages;
        this.recommendations = recommendations;
        this.evidence = evidence;
    }

    @GetMapping(path = "/{code}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String code) {
        PublicSummary summary = published(code);
        Set<String> numbers = summary.sections().stream().flatMap(section -> section.items().stream()).map(PublicSummary.Item::number)
                .collect(Collectors.toSet());
        return pages.page(PublicSummaryController.TEMPLATE, Map.of("summary", summary, "linked", numbers,
                "pageOf", "/public/reviews/" + code + "/", "visitor", true));
    }

    @GetMapping(path = "/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicSummary json(@PathVariable String code) {
        return published(code);
    }

    @GetMapping(path = "/{code}.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String code) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, PublicSummaryController.attachment(code, "csv"))
                .body(PublicSummaryController.csvOf(published(code)));
    }

    @GetMapping(path = "/{code}/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    String recommendation(@PathVariable String code, @PathVariable String reference) {
        PublicSummary summary = published(code);
        long id = publishedRecommendation(code, reference).id();
        return summary.sections().stream().flatMap(section -> section.items().stream().map(item -> Map.entry(section, item)))
                .filter(entry -> entry.getValue().number().equals(reference)).findFirst()
                .map(entry -> pages.page("published-recommendation", Map.of("summary", summary, "section", entry.getKey(),
                        "item", entry.getValue(), "evidence", evidence.publicFiles(id), "visitor", true)))
                .orElseThrow(() -> new NotFoundException("No published recommendation " + code + "/" + reference));
    }

    /** An evidence file its owner marked public, of a published review's recommendation. */
    @GetMapping(path = "/{code}/{reference}/evidence/{fileId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable String code, @PathVariable String reference, @PathVariable long fileId) {
        published(code);
        return EvidenceFile.asDownload(evidence.publicDownload(publishedRecommendation(code, reference).id(), fileId), true);
    }

    private Recommendation publishedRecommendation(String code, String reference) {
        return recommendations.findByBusinessKey(Recommendation.businessKey(code, reference))
                .orElseThrow(() -> new NotFoundException("No published recommendation " + code + "/" + reference));
    }

    private PublicSummary published(String code) {
        if (!code.matches(Review.CODE_PATTERN) || !reviews.exists(code) || !reviews.isPublished(code)) {
            throw new NotFoundException("No published review " + code);
        }
        return summaries.of(code);
    }
}
