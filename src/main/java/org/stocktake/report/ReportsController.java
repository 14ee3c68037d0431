package org.stocktake.report;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.review.ReviewService;

/** {@code /reports}: where a person signed in with a browser starts, the reviews and their reports. */
@RestController
class ReportsController {

    private final ReviewService reviews;
    private final PageRenderer pages;

    ReportsController(ReviewService reviews, PageRenderer pages) {
        this.reviews = reviews;
        this.pages = pages;
    }

    @GetMapping(path = "/reports", produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        return pages.page("reports", Map.of("reviews", reviews.list()));
    }
}
