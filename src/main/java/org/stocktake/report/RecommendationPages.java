package org.stocktake.report;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.stocktake.errors.NotFoundException;
import org.stocktake.lifecycle.OpenTask;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/**
 * A recommendation's page at the address people say, {@code /reports/reviews/HARRIS-2016/29}.
 * The older address by database id, {@code /reports/recommendations/33}, which mails and
 * bookmarks may still hold, leads there.
 */
@Controller
class RecommendationPages {

    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final TimelineService timelines;
    private final OpenTaskService openTasks;
    private final Visibility visibility;
    private final Directory directory;
    private final PageRenderer pages;

    RecommendationPages(RecommendationService recommendations, ReviewService reviews, TimelineService timelines, OpenTaskService openTasks,
                        Visibility visibility, Directory directory, PageRenderer pages) {
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.timelines = timelines;
        this.openTasks = openTasks;
        this.visibility = visibility;
        this.directory = directory;
        this.pages = pages;
    }

    static String address(String reviewCode, String reference) {
        return "/reports/reviews/" + reviewCode + "/" + reference;
    }

    @GetMapping(path = "/reports/reviews/{code}/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(@PathVariable String code, @PathVariable String reference) {
        Recommendation recommendation = recommendations.findByBusinessKey(Recommendation.businessKey(code, reference))
                .filter(visibility::canSee)
                .orElseThrow(() -> new NotFoundException("No recommendation " + Recommendation.businessKey(code, reference)));
        Timeline timeline = timelines.of(recommendation.id());
        boolean mayReadRestricted = visibility.canReadRestrictedNotes(recommendation);
        ProgressUpdate latest = recommendations.latestProgressUpdate(recommendation.id())
                .map(update -> mayReadRestricted ? update : update.withoutRestrictedNote()).orElse(null);
        Set<String> organisations = new HashSet<>(recommendation.addressees());
        if (recommendation.ownerGroup() != null) {
            organisations.add(recommendation.ownerGroup());
        }
        timeline.openTasks().stream().map(OpenTask::candidateGroups).forEach(organisations::addAll);
        boolean showsRestricted = (latest != null && latest.restrictedNote() != null)
                || timeline.entries().stream().anyMatch(entry -> entry.details().get("restrictedNote") != null);
        RecommendationPage page = new RecommendationPage(reviews.get(code), recommendation, directory.organisationNames(organisations),
                recommendations.responses(recommendation.id()), latest, timeline, timeline.openTasks(),
                openTasks.upcoming(recommendation.businessKey()), recommendations.targetDates(recommendation.id()), showsRestricted);
        return pages.page("recommendation", Map.of("page", page));
    }

    @GetMapping(path = "/reports/recommendations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> byId(@PathVariable long id) {
        Recommendation recommendation = recommendations.get(id);
        if (!visibility.canSee(recommendation)) {
            // the same words as for an id that does not exist, so the answer tells nothing of another organisation's
            throw new NotFoundException("No recommendation with id " + id);
        }
        return ResponseEntity.status(301).location(URI.create(address(recommendation.reviewCode(), recommendation.reference()))).build();
    }
}
