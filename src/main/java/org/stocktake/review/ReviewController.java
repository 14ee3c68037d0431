package org.stocktake.review;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final ReviewService reviews;
    private final RecommendationService recommendations;

    ReviewController(ReviewService reviews, RecommendationService recommendations) {
        this.reviews = reviews;
        this.recommendations = recommendations;
    }

    @PostMapping
    ResponseEntity<Review> create(@Valid @RequestBody NewReview review) {
        Review created = reviews.create(review);
        return ResponseEntity.created(URI.create("/api/reviews/" + created.code())).body(created);
    }

    @GetMapping
    List<Review> list() {
        return reviews.list();
    }

    @GetMapping("/{code}")
    Review get(@PathVariable String code) {
        return reviews.get(code);
    }

    @GetMapping("/{code}/summary")
    StatusSummary summary(@PathVariable String code) {
        return recommendations.summary(code);
    }

    @PostMapping("/{code}/recommendations")
    ResponseEntity<Recommendation> addRecommendation(@PathVariable String code, @Valid @RequestBody NewRecommendation recommendation) {
        Recommendation registered = recommendations.register(code, recommendation);
        return ResponseEntity.created(URI.create("/api/recommendations/" + registered.id())).body(registered);
    }
}
