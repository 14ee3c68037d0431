package org.stocktake.imports;

import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationStatus;

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
