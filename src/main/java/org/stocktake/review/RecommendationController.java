package org.stocktake.review;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private final RecommendationService recommendations;
    private final RegisterExport export;

    RecommendationController(RecommendationService recommendations, RegisterExport export) {
        this.recommendations = recommendations;
        this.export = export;
    }

    @GetMapping
    List<Recommendation> list(@RequestParam("review") String reviewCode) {
        return recommendations.listByReview(reviewCode);
    }

    /** The same list in the import format ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> listAsCsv(@RequestParam("review") String reviewCode) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(reviewCode + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(export.csv(reviewCode));
    }

    @GetMapping("/{id}")
    Recommendation get(@PathVariable long id) {
        return recommendations.get(id);
    }
}
