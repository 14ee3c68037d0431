package org.stocktake.review;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.errors.NotFoundException;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private final RecommendationService recommendations;
    private final Visibility visibility;

    RecommendationController(RecommendationService recommendations, Visibility visibility) {
        this.recommendations = recommendations;
        this.visibility = visibility;
    }

    /** The review's recommendations the caller may see. */
    @GetMapping
    List<Recommendation> list(@RequestParam("review") String reviewCode) {
        return visibility.visible(recommendations.listByReview(reviewCode));
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

    /** Its target date as first set and as it stands, with every revision: who asked, who agreed, why and when. */
    @GetMapping("/{id}/target-dates")
    TargetDates targetDates(@PathVariable long id) {
        return recommendations.targetDates(get(id).id());
    }
}
