package org.stocktake.oversight;

import org.springframework.stereotype.Component;
import org.stocktake.review.RecommendationStatus;

/**
 * Which closures the board checks again later. Resolved "by other means" is the closure most
 * often found to be only partly true, so every one of them is re-checked.
 */
@Component
public class AssurancePolicy {

    public boolean requiresCheck(RecommendationStatus closureStatus) {
        return closureStatus == RecommendationStatus.RESOLVED_BY_OTHER_MEANS;
    }
}
