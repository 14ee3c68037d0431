package org.stocktake.review;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.stocktake.calendar.BankHolidays;

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
        /** Its review's, whose working days its deadlines fall on. */
        BankHolidays bankHolidays,
        int responseRound,
        /** Moves on with every change; a change made from an older version is refused (409). */
        int version) {

    /** A reference as reviews number them: 29, MC16, MC-18, 4.2. */
    public static final String REFERENCE_PATTERN = "[A-Za-z0-9]+([.-][A-Za-z0-9]+)*";

    @JsonProperty("businessKey")
    public String businessKey() {
        return businessKey(reviewCode, reference);
    }

    public static String businessKey(String reviewCode, String reference) {
        return reviewCode + "/" + reference;
    }
}
