package org.stocktake.review;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.stocktake.security.Directory;

/**
 * A recommendation to register under a review. Addressees are organisation group ids; with none,
 * the secretariat records the response.
 */
public record NewRecommendation(
        @NotBlank @Size(max = 32) @Pattern(regexp = Recommendation.REFERENCE_PATTERN, message = "must be letters and digits, optionally joined by dots or hyphens, e.g. 29, MC16 or 4.2")
        String reference,
        @Size(max = 200) String section,
        @NotBlank @Size(max = 10000) String text,
        @Size(max = 20) List<@NotBlank @Size(max = 64) @Pattern(regexp = Directory.ORGANISATION_ID_PATTERN,
                message = "must be an organisation id: lower-case letters and digits joined by hyphens, e.g. home-office") String> addressees) {

    public NewRecommendation {
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
    }
}
