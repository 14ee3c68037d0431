package org.stocktake.imports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;

/**
 * Writes a review's recommendations in the import format, as they stand now, so an export
 * imports back as unchanged. Text a spreadsheet would take for a formula is neutralised
 * ({@link SpreadsheetCells}).
 */
@Component
class RegisterExport {

    static final List<String> COLUMNS = List.of("review_code", "review_title", "review_kind", "received_on", "bank_holidays", "section",
            "number", "text", "addressees", "owner", "status", "update");

    private final ReviewService reviews;
    private final RecommendationService recommendations;
    RegisterExport(ReviewService reviews, RecommendationService recommendations) {
        this.reviews = reviews;
        this.recommendations = recommendations;
    }

    /** The review's recommendations that pass the filter, in the import format. */
    String csv(String reviewCode, Predicate<Recommendation> included) {
        Review review = reviews.get(reviewCode);
        Map<Long, String> latestPublicUpdates = recommendations.latestPublicUpdates(reviewCode);
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Recommendation recommendation : recommendations.listByReview(reviewCode).stream().filter(included).toList()) {
                printer.printRecord(SpreadsheetCells.row(review.code(), review.title(), review.kind(), review.receivedOn(), review.bankHolidays(),
                        recommendation.section(), recommendation.reference(), recommendation.text(), String.join(";", recommendation.addressees()),
                        recommendation.ownerGroup(), recommendation.status(), latestPublicUpdates.get(recommendation.id())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
