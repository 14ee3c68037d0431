package org.stocktake.report;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.stocktake.errors.TooLargeException;
import org.stocktake.evidence.EvidenceFile;
import org.stocktake.evidence.EvidenceService;
import org.stocktake.lifecycle.OpenTask;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.review.Visibility;
import org.stocktake.security.CurrentUser;
import org.stocktake.security.Directory;

/**
 * A recommendation's page at the address people say, {@code /reports/reviews/HARRIS-2016/29}.
 * The older address by database id, {@code /reports/recommendations/33}, which mails and
 * bookmarks may still hold, leads there. Its evidence files have a page of their own beside it,
 * where those who may add one (the owner, the secretariat, the board) do.
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
    private final EvidenceService evidence;
    private final CurrentUser currentUser;

    RecommendationPages(RecommendationService recommendations, ReviewService reviews, TimelineService timelines, OpenTaskService openTasks,
                        Visibility visibility, Directory directory, PageRenderer pages, EvidenceService evidence, CurrentUser currentUser) {
        this.evidence = evidence;
        this.currentUser = currentUser;
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
        Recommendation recommendation = visible(code, reference);
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
                openTasks.upcoming(recommendation.businessKey()), recommendations.targetDates(recommendation.id()),
                evidence.list(recommendation.id()), showsRestricted);
        return pages.page("recommendation", Map.of("page", page));
    }

    /** The recommendation's evidence files: each to download with its fingerprint, and a form to add one for those who may. */
    @GetMapping(path = "/reports/reviews/{code}/{reference}/evidence", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String evidencePage(@PathVariable String code, @PathVariable String reference, @RequestParam(required = false) Long added) {
        Recommendation recommendation = visible(code, reference);
        List<EvidenceFile> files = evidence.list(recommendation.id());
        return evidencePage(recommendation, files, files.stream().filter(file -> file.id() == Objects.requireNonNullElse(added, -1L))
                .findFirst().orElse(null), null);
    }

    @PostMapping(path = "/reports/reviews/{code}/{reference}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> addEvidence(@PathVariable String code, @PathVariable String reference, @RequestParam("file") MultipartFile file,
                                       @RequestParam(name = "public", defaultValue = "false") boolean published) throws IOException {
        Recommendation recommendation = visible(code, reference);
        try {
            EvidenceFile added = evidence.add(recommendation.id(), file.getOriginalFilename(), file.getBytes(), published, currentUser.id());
            return ResponseEntity.status(303).location(URI.create(address(code, reference) + "/evidence?added=" + added.id())).build();
        } catch (InvalidInputException | TooLargeException refused) {
            String problem = refused instanceof InvalidInputException invalid ? invalid.problems().get(0).message() : refused.getMessage();
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body(evidencePage(recommendation, evidence.list(recommendation.id()), null, problem));
        }
    }

    /** A file, always as a download: whatever it holds, it is never shown as one of Stocktake's pages. */
    @GetMapping(path = "/reports/reviews/{code}/{reference}/evidence/{fileId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable String code, @PathVariable String reference, @PathVariable long fileId) {
        return EvidenceFile.asDownload(evidence.download(visible(code, reference).id(), fileId), false);
    }

    private String evidencePage(Recommendation recommendation, List<EvidenceFile> files, EvidenceFile added, String problem) {
        boolean mayAdd = evidence.mayAdd(recommendation);
        Map<String, Object> model = new HashMap<>(Map.of("recommendation", recommendation, "files", files,
                "signOffs", evidence.signOffs(recommendation.id()), "mayAdd", mayAdd,
                "closedToOwner", !mayAdd && visibility.canReadRestrictedNotes(recommendation), "maxMegabytes", evidence.maxMegabytes()));
        model.put("added", added);
        model.put("problem", problem);
        return pages.page("evidence", model);
    }

    private Recommendation visible(String code, String reference) {
        return recommendations.findByBusinessKey(Recommendation.businessKey(code, reference))
                .filter(visibility::canSee)
                .orElseThrow(() -> new NotFoundException("No recommendation " + Recommendation.businessKey(code, reference)));
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
