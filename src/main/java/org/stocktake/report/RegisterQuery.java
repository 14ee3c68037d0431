package org.stocktake.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;
import org.stocktake.review.Rag;
import org.stocktake.review.RecommendationStatus;

/**
 * What the register is asked for, as its address says it, so every view can be shared as a link:
 * {@code /reports/register?q=taser&status=IN_PROGRESS&overdue=true&sort=due&page=2}. Blank means
 * no filter.
 *
 * @param words      every one must be found in the reference, review, text or a public update
 * @param status     one status, or none for any
 * @param open       only those not yet closed
 * @param dueWithin  a task due within this many days from today (overdue ones included)
 * @param offTrack   open and past its target date, or its owner has said the date will be missed
 * @param waitingOn  a group that has a task open on it, e.g. {@code oversight-board}
 */
record RegisterQuery(String words, String review, RecommendationStatus status, boolean open, String owner, Rag rag, boolean overdue,
                     Integer dueWithin, boolean offTrack, String waitingOn, Sort sort, int page) {

    static final int PAGE_SIZE = 50;
    /** A search is a few words; each is a condition on every recommendation and its updates. */
    static final int LONGEST_SEARCH = 200;
    /** The status filter's value for "not yet closed". */
    static final String OPEN = "open";

    /** The register's orders; reference order is review by review, 2 before 10. */
    enum Sort {
        REFERENCE("Review and number"), STATUS("Status"), OWNER("Owner"), TARGET("Target date"), DUE("Next due"), UPDATED("Last update");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public List<String> wordList() {
        return words == null || words.isBlank() ? List.of() : Arrays.stream(words.trim().split("\\s+")).distinct().toList();
    }

    public boolean filtered() {
        return !wordList().isEmpty() || review != null || status != null || open || owner != null || rag != null || overdue
                || dueWithin != null || offTrack || waitingOn != null;
    }

    /** This view's address, at another page. */
    public String address(int atPage) {
        return withParameters(UriComponentsBuilder.fromPath("/reports/register"), atPage, false).toUriString();
    }

    /** This view, every row of it, as CSV. */
    public String csvAddress() {
        return withParameters(UriComponentsBuilder.fromPath("/reports/register"), 1, true).toUriString();
    }

    /** The parameters as they are; {@code toUriString()} encodes each of them whole. */
    private UriComponentsBuilder withParameters(UriComponentsBuilder uri, int atPage, boolean csv) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", wordList().isEmpty() ? null : String.join(" ", wordList()));
        parameters.put("review", review);
        parameters.put("status", status == null ? (open ? OPEN : null) : status.name());
        parameters.put("owner", owner);
        parameters.put("rag", rag);
        parameters.put("overdue", overdue ? true : null);
        parameters.put("due-within", dueWithin);
        parameters.put("off-track", offTrack ? true : null);
        parameters.put("waiting-on", waitingOn);
        parameters.put("sort", sort == Sort.REFERENCE ? null : sort.value());
        parameters.put("page", atPage > 1 && !csv ? atPage : null);
        parameters.put("format", csv ? "csv" : null);
        parameters.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri;
    }
}
