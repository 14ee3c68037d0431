package org.stocktake.review;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One numbered item of a review, as it stands now. Its process instance's business key is
 * {@code <reviewCode>/<reference>}, e.g. {@code HARRIS-2016/29}.
 */
public record Recommendation(
        long id,
        String reviewCode,
        String reference,
        String section,
        String text,
        RecommendationStatus status,
        List<String> addressees,
        String ownerGroup,
        String ownerUser,
        LocalDate targetDate,
        LocalDate responseDueOn,
        int responseRound) {

    @JsonProperty("businessKey")
    public String businessKey() {
        return businessKey(reviewCode, reference);
    }

    public static String businessKey(String reviewCode, String reference) {
        return reviewCode + "/" + reference;
    }
}
