package org.stocktake.review;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A recommendation to register under a review. Addressees are organisation group ids; with none,
 * the secretariat records the response.
 */
public record NewRecommendation(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9]+([.-][A-Za-z0-9]+)*", message = "must be letters and digits, optionally joined by dots or hyphens, e.g. 29, MC16 or 4.2")
        String reference,
        @Size(max = 200) String section,
        @NotBlank @Size(max = 10000) String text,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> addressees) {

    public NewRecommendation {
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
    }
}
