package org.stocktake.review;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private final RecommendationService recommendations;

    RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping
    List<Recommendation> list(@RequestParam("review") String reviewCode) {
        return recommendations.listByReview(reviewCode);
    }

    @GetMapping("/{id}")
    Recommendation get(@PathVariable long id) {
        return recommendations.get(id);
    }
}
