package org.stocktake.respond;

import static org.stocktake.lifecycle.ProcessVariables.DECISION;
import static org.stocktake.lifecycle.ProcessVariables.EVIDENCE;
import static org.stocktake.lifecycle.ProcessVariables.PROPOSAL;
import static org.stocktake.lifecycle.ProcessVariables.PROPOSED_TARGET_DATE;
import static org.stocktake.lifecycle.ProcessVariables.PUBLIC_UPDATE;
import static org.stocktake.lifecycle.ProcessVariables.RAG;
import static org.stocktake.lifecycle.ProcessVariables.RATIONALE;
import static org.stocktake.lifecycle.ProcessVariables.RESPONSE_TEXT;
import static org.stocktake.lifecycle.ProcessVariables.RESTRICTED_NOTE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.calendar.UkDates;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.lifecycle.OpenTask;
import org.stocktake.review.Proposal;
import org.stocktake.review.Rag;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ResponseDecision;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The form a response link opens, at {@code /respond/{token}}: Stocktake's own page, not Tasklist,
 * for someone without an account. It works without JavaScript; a refused answer comes back with
 * each problem at its field and what was typed kept. A link that opens nothing says why and what
 * to do next, and a wrong one counts against the address it came from.
 */
@RestController
@RequestMapping(path = "/respond/{token}", produces = MediaType.TEXT_HTML_VALUE)
class RespondController {

    /** The fields each form sends, as the process's task expects them. */
    private static final Map<LinkPurpose, List<String>> FIELDS = Map.of(
            LinkPurpose.RESPONSE, List.of(DECISION, RESPONSE_TEXT, RATIONALE),
            LinkPurpose.PROGRESS_UPDATE, List.of(RAG, PUBLIC_UPDATE, RESTRICTED_NOTE, PROPOSAL, PROPOSED_TARGET_DATE, EVIDENCE));
    /** A missing answer, said as what to do. */
    private static final Map<String, String> WHEN_MISSING = Map.of(DECISION, "Choose your answer", RAG, "Choose how it is going",
            PROPOSAL, "Choose what you propose", PUBLIC_UPDATE, "Say what has been done",
            RATIONALE, "Give your reasons: they are needed unless you accept the recommendation in full");
    private static final Map<String, String> NAMES = Map.of(RESPONSE_TEXT, "Your response", RATIONALE, "Your reasons",
            PROPOSED_TARGET_DATE, "The new target date", EVIDENCE, "Evidence", RESTRICTED_NOTE, "The note for the board");
    private static final DateTimeFormatter UK_NUMERIC = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK);
    private static final String ASK_AGAIN = "If you still need to answer, ask the secretariat that sent you the link for a new one.";

    private final ResponseLinkService links;
    private final WrongLinkThrottle throttle;
    private final RecommendationService recommendations;
    private final ReviewService reviews;
    private final Directory directory;
    private final ITemplateEngine templates;
    private final Clock clock;

    RespondController(ResponseLinkService links, WrongLinkThrottle throttle, RecommendationService recommendations, ReviewService reviews,
                      Directory directory, ITemplateEngine templates, Clock clock) {
        this.links = links;
        this.throttle = throttle;
        this.recommendations = recommendations;
        this.reviews = reviews;
        this.directory = directory;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<String> form(@PathVariable String token, HttpServletRequest request) {
        return opened(token, request).map(opened -> page(HttpStatus.OK, opened, Map.of(), Map.of()))
                .orElseGet(() -> refusal(token, request));
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> submitted,
                                  HttpServletRequest request) {
        Optional<Opened> found = opened(token, request);
        if (found.isEmpty()) {
            return refusal(token, request);
        }
        Opened opened = found.get();
        Map<String, String> form = new HashMap<>();
        FIELDS.get(opened.link().purpose()).forEach(field -> form.put(field, Optional.ofNullable(submitted.getFirst(field)).orElse("")));
        try {
            links.respond(opened.link(), fields(form));
        } catch (InvalidInputException refused) {
            return page(HttpStatus.BAD_REQUEST, opened, form, inWords(refused.problems()));
        } catch (ConflictException clash) {
            return message(HttpStatus.CONFLICT, "Nothing was sent", clash.getMessage(), ASK_AGAIN);
        }
        return message(HttpStatus.OK, "Thank you: your answer was recorded", "It was recorded on "
                + UkDates.DAY.format(LocalDate.now(clock)) + " for recommendation " + opened.recommendation().businessKey()
                + ". The link has now been used and does not open the form again.", null);
    }

    /** A link and the task it opens, while it works. */
    private record Opened(ResponseLink link, OpenTask task, Recommendation recommendation) {
    }

    private Optional<Opened> opened(String token, HttpServletRequest request) {
        if (throttle.refuses(request.getRemoteAddr(), clock.instant())) {
            return Optional.empty();
        }
        return links.find(token).flatMap(link -> links.taskOf(link)
                .map(task -> new Opened(link, task, recommendations.get(link.recommendationId()))));
    }

    /** Why a link opens nothing, in words; a token never issued counts against its address. */
    private ResponseEntity<String> refusal(String token, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (throttle.refuses(address, clock.instant())) {
            return message(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong links", "Too many links that do not work were opened from"
                    + " your connection. Wait a quarter of an hour, then open the link from your e-mail again.", null);
        }
        Optional<ResponseLink> link = links.find(token);
        if (link.isEmpty()) {
            throttle.wrong(address, clock.instant());
            return message(HttpStatus.NOT_FOUND, "This link does not work", "It is not a link Stocktake sent. Check that the whole"
                    + " address was copied from the e-mail, with nothing added or missing.", ASK_AGAIN);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ResponseLink found = link.get();
        return switch (found.state(now)) {
            case USED -> message(HttpStatus.GONE, "This link has been used", "An answer was sent with it on " + day(found.usedAt())
                    + ". Each link works once.", "To change what was sent, ask the secretariat that sent you the link.");
            case EXPIRED -> message(HttpStatus.GONE, "This link has expired", "It worked until " + day(found.expiresAt()) + ".", ASK_AGAIN);
            case REVOKED -> message(HttpStatus.GONE, "This link was withdrawn", "The secretariat withdrew it on " + day(found.revokedAt())
                    + ", usually because it sent a newer one.", "Use the newest link you were sent, or ask the secretariat for one.");
            case USABLE -> message(HttpStatus.CONFLICT, "Nothing waits for an answer through this link",
                    "What it was sent for is no longer open: it may have been answered another way.", ASK_AGAIN);
        };
    }

    private ResponseEntity<String> page(HttpStatus status, Opened opened, Map<String, String> form, Map<String, String> problems) {
        Recommendation recommendation = opened.recommendation();
        Map<String, Object> model = new HashMap<>(Map.of("title", opened.link().purpose().label(), "visitor", true, "form", form,
                "problems", problems, "purpose", opened.link().purpose(),
                "reviewTitle", reviews.get(recommendation.reviewCode()).title(), "businessKey", recommendation.businessKey(),
                "text", recommendation.text(), "expires", day(opened.link().expiresAt())));
        model.put("organisationName", directory.organisationNames(List.of(opened.link().organisation()))
                .getOrDefault(opened.link().organisation(), opened.link().organisation()));
        model.put("due", opened.task().due() == null ? null : day(opened.task().due()));
        model.put("decisions", ResponseDecision.values());
        model.put("rags", Rag.values());
        model.put("proposals", Proposal.values());
        return render(status, model);
    }

    private ResponseEntity<String> message(HttpStatus status, String title, String message, String nextStep) {
        Map<String, Object> model = new HashMap<>(Map.of("title", title, "visitor", true, "message", message));
        model.put("nextStep", nextStep);
        return render(status, model);
    }

    private ResponseEntity<String> render(HttpStatus status, Map<String, Object> model) {
        return ResponseEntity.status(status).header("Referrer-Policy", "no-referrer")
                .body(templates.process("respond", new Context(Locale.UK, model)));
    }

    /** The form's values as the task takes them: a date typed the UK way (31/3/2027) is passed on as 2027-03-31. */
    private static Map<String, Object> fields(Map<String, String> form) {
        Map<String, Object> fields = new HashMap<>(form);
        String date = form.get(PROPOSED_TARGET_DATE);
        if (date != null && !date.isBlank()) {
            try {
                fields.put(PROPOSED_TARGET_DATE, LocalDate.parse(date.strip(), UK_NUMERIC).toString());
            } catch (DateTimeParseException notTheUkWay) {
                throw new InvalidInputException(PROPOSED_TARGET_DATE, "is not a date: write it as day/month/year, for example 31/3/2027");
            }
        }
        return fields;
    }

    private static Map<String, String> inWords(List<FieldProblem> problems) {
        Map<String, String> words = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String missing = problem.message().startsWith("is required") ? WHEN_MISSING.get(problem.field()) : null;
            words.putIfAbsent(problem.field(), missing != null ? missing
                    : NAMES.getOrDefault(problem.field(), problem.field()) + " " + problem.message());
        }
        return words;
    }

    private String day(OffsetDateTime at) {
        return UkDates.DAY.format(at.atZoneSameInstant(clock.getZone()));
    }
}
