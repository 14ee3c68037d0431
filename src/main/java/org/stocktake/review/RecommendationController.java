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
import org.stocktake.web.NotFoundException;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private final RecommendationService recommendations;
    private final RegisterExport export;
    private final Visibility visibility;

    RecommendationController(RecommendationService recommendations, RegisterExport export, Visibility visibility) {
        this.recommendations = recommendations;
        this.export = export;
        this.visibility = visibility;
    }

    /** The review's recommendations the caller may see. */
    @GetMapping
    List<Recommendation> list(@RequestParam("review") String reviewCode) {
        return visibility.visible(recommendations.listByReview(reviewCode));
    }

    /** The same list in the import format ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> listAsCsv(@RequestParam("review") String reviewCode) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(reviewCode + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(export.csv(reviewCode, visibility::canSee));
    }

    /** One recommendation; to a caller who may not see it, it does not exist. */
    @GetMapping("/{id}")
    Recommendation get(@PathVariable long id) {
        Recommendation recommendation = recommendations.get(id);
        if (!visibility.canSee(recommendation)) {
            throw new NotFoundException("No recommendation with id " + id);
        }
        return recommendation;
    }
}
