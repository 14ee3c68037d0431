package org.stocktake.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.imports.SpreadsheetCells;
import org.stocktake.review.Rag;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.RegisterEntry;
import org.stocktake.review.Review;
import org.stocktake.security.Directory;

/**
 * {@code /reports/register}: every recommendation the person may see, searched, filtered, sorted
 * and paged by the address's parameters, as a page or ({@code ?format=csv}) the whole view as CSV
 * with the API's codes.
 */
@RestController
@RequestMapping("/reports/register")
class RegisterController {

    private final RegisterService register;
    private final PageRenderer pages;
    private final Clock clock;

    RegisterController(RegisterService register, PageRenderer pages, Clock clock) {
        this.register = register;
        this.pages = pages;
        this.clock = clock;
    }

    /** The address's parameters, as people and links write them. */
    record Parameters(@BindParam("q") String words, String review, String status, String owner, Rag rag, Boolean overdue,
                      @BindParam("due-within") Integer dueWithin, @BindParam("off-track") Boolean offTrack,
                      @BindParam("waiting-on") String waitingOn, String sort, Integer page) {

        /** The query they ask for; a parameter that cannot be read is refused, naming it. */
        RegisterQuery query() {
            RecommendationStatus chosenStatus = status == null || status.isBlank() || RegisterQuery.OPEN.equals(status) ? null
                    : parse(RecommendationStatus.class, "status", status);
            if (words != null && words.length() > RegisterQuery.LONGEST_SEARCH) {
                throw new InvalidInputException("q", "is longer than " + RegisterQuery.LONGEST_SEARCH + " characters: search for fewer words");
            }
            if (dueWithin != null && (dueWithin < 0 || dueWithin > 3650)) {
                throw new InvalidInputException("due-within", "must be a number of days from 0 to 3650");
            }
            check("review", review, Review.CODE_PATTERN);
            check("owner", owner, Directory.ORGANISATION_ID_PATTERN);
            check("waiting-on", waitingOn, Directory.ORGANISATION_ID_PATTERN);
            return new RegisterQuery(words, blankToNull(review), chosenStatus, RegisterQuery.OPEN.equals(status), blankToNull(owner), rag,
                    Boolean.TRUE.equals(overdue), dueWithin, Boolean.TRUE.equals(offTrack), blankToNull(waitingOn),
                    sort == null || sort.isBlank() ? RegisterQuery.Sort.REFERENCE : parse(RegisterQuery.Sort.class, "sort", sort),
                    page == null ? 1 : page);
        }

        private static void check(String field, String value, String pattern) {
            if (value != null && !value.isBlank() && !value.trim().matches(pattern)) {
                throw new InvalidInputException(field, "is not known here");
            }
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
            }
        }
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(Parameters parameters) {
        return pages.page("register", Map.of("register", register.page(parameters.query()), "producedAt", OffsetDateTime.now(clock),
                "statuses", RecommendationStatus.values(), "rags", Rag.values(), "sorts", RegisterQuery.Sort.values()));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(Parameters parameters) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader("review", "reference", "status", "owner",
                "target_date", "original_target_date", "off_track", "next_due", "overdue", "latest_rag", "latest_update", "updated_on", "text").get())) {
            for (Register.Row row : register.all(parameters.query())) {
                RegisterEntry entry = row.entry();
                printer.printRecord(SpreadsheetCells.row(entry.reviewCode(), entry.reference(), entry.status(), entry.ownerGroup(),
                        entry.targetDate(), entry.originalTargetDate(), row.offTrack(), day(row.due()), row.overdue(), entry.latestRag(), row.text().latestPublicUpdate(), day(entry.updatedAt()),
                        row.text().text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("register.csv").build().toString())
                .body(csv.toString());
    }

    private LocalDate day(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
