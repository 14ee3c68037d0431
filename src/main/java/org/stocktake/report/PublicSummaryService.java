package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.stocktake.review.Publication;
import org.stocktake.review.PublishedRecommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;

/**
 * Builds a review's public summary from what may be published only: sections in the order of
 * their first recommendation, recommendations in the order of their numbers (2 before 10).
 */
@Service
class PublicSummaryService {

    static final String NO_SECTION = "Other";

    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final Directory directory;
    private final Clock clock;

    PublicSummaryService(ReviewService reviews, RecommendationService recommendations, Directory directory, Clock clock) {
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.directory = directory;
        this.clock = clock;
    }

    PublicSummary of(String reviewCode) {
        Review review = reviews.get(reviewCode);
        List<PublishedRecommendation> published = new ArrayList<>(recommendations.published(reviewCode));
        published.sort(Comparator.comparing(PublishedRecommendation::reference, ReferenceOrder.NATURAL));
        Map<String, String> owners = directory.organisationNames(published.stream().map(PublishedRecommendation::ownerGroup)
                .filter(Objects::nonNull).distinct().toList());

        Map<PublicStatus, Integer> counts = new EnumMap<>(PublicStatus.class);
        Map<String, List<PublicSummary.Item>> sections = new LinkedHashMap<>();
        for (PublishedRecommendation recommendation : published) {
            PublicStatus status = PublicStatus.of(recommendation.status());
            counts.merge(status, 1, Integer::sum);
            String section = recommendation.section() == null || recommendation.section().isBlank() ? NO_SECTION : recommendation.section();
            sections.computeIfAbsent(section, name -> new ArrayList<>()).add(new PublicSummary.Item(recommendation.reference(),
                    recommendation.text(), status.label, recommendation.ownerGroup() == null ? null : owners.get(recommendation.ownerGroup()),
                    recommendation.targetDate(), recommendation.originalTargetDate(), recommendation.publicUpdate(),
                    recommendation.updatedAt() == null ? null : recommendation.updatedAt().atZoneSameInstant(clock.getZone()).toLocalDate()));
        }
        int total = published.size();
        int resolved = counts.entrySet().stream().filter(entry -> entry.getKey().isResolved()).mapToInt(Map.Entry::getValue).sum();
        return new PublicSummary(review.code(), review.title(), review.receivedOn(), OffsetDateTime.now(clock),
                lastChangedOn(reviewCode), total, resolved,
                headline(resolved, total),
                counts.entrySet().stream().map(entry -> new PublicSummary.StatusCount(entry.getKey().label, entry.getValue())).toList(),
                sections.entrySet().stream().map(entry -> new PublicSummary.Section(entry.getKey(), List.copyOf(entry.getValue()))).toList());
    }

    /** The day anything in the summary last changed (a recommendation of the review, or its publication), or null if nothing has. */
    private LocalDate lastChangedOn(String reviewCode) {
        List<Publication> publications = reviews.publications(reviewCode);
        Optional<OffsetDateTime> published = publications.stream().reduce((first, second) -> second).map(Publication::changedAt);
        return Stream.of(recommendations.lastChangedAt(reviewCode), published).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(changed -> changed.atZoneSameInstant(clock.getZone()).toLocalDate()).orElse(null);
    }

    /** "85 of 127 recommendations (67%) resolved", resolved by other means included. */
    static String headline(int resolved, int total) {
        String of = resolved + " of " + total + (total == 1 ? " recommendation" : " recommendations");
        return total == 0 ? "No recommendations yet" : of + " (" + Math.round(100.0 * resolved / total) + "%) resolved";
    }
}
