package org.stocktake.review;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.security.CurrentUser;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final CurrentUser currentUser;

    ReviewController(ReviewService reviews, RecommendationService recommendations, CurrentUser currentUser) {
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location is its address")
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

    /** The review's publication: {@code {"review": code, "published": true|false}}. */
    record PublicationState(String review, boolean published) {
    }

    @PostMapping("/{code}/publish")
    PublicationState publish(@PathVariable String code) {
        reviews.publish(code, true, currentUser.id());
        return new PublicationState(code, reviews.isPublished(code));
    }

    @PostMapping("/{code}/unpublish")
    PublicationState unpublish(@PathVariable String code) {
        reviews.publish(code, false, currentUser.id());
        return new PublicationState(code, reviews.isPublished(code));
    }

    @PostMapping("/{code}/recommendations")
    @ApiResponse(responseCode = "201", description = "Registered, its process started; Location is its address")
    ResponseEntity<Recommendation> addRecommendation(@PathVariable String code, @Valid @RequestBody NewRecommendation recommendation) {
        Recommendation registered = recommendations.register(code, recommendation);
        return ResponseEntity.created(URI.create("/api/recommendations/" + registered.id())).body(registered);
    }
}
