package org.stocktake.review;

/**
 * One recommendation read from an import file, checked on its own: where it came from (the row),
 * its review, the recommendation, and the stage and latest public update it carries over.
 */
record ImportRow(int row, NewReview review, NewRecommendation recommendation, String owner,
                 RecommendationStatus status, String update) {

    String businessKey() {
        return Recommendation.businessKey(review.code(), recommendation.reference());
    }
}
