package org.stocktake.review;

import java.time.LocalDate;
import java.util.List;

/** A recommendation as the API shows it, with its process business key. */
record RecommendationView(
        long id,
        String businessKey,
        String review,
        String reference,
        String section,
        String text,
        RecommendationStatus status,
        List<String> addressees,
        String ownerGroup,
        String ownerUser,
        LocalDate targetDate,
        LocalDate responseDueOn) {

    static RecommendationView of(Recommendation recommendation) {
        return new RecommendationView(recommendation.id(), recommendation.businessKey(), recommendation.reviewCode(),
                recommendation.reference(), recommendation.section(), recommendation.text(), recommendation.status(),
                recommendation.addressees(), recommendation.ownerGroup(), recommendation.ownerUser(),
                recommendation.targetDate(), recommendation.responseDueOn());
    }
}
