package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RegisterEntry;
import org.stocktake.review.RegisterText;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/**
 * The register: every recommendation the person may see, filtered, searched, sorted and paged as
 * the query says. Due dates and "waiting on" come from the open tasks; everything else from our
 * tables, with public updates only.
 */
@Service
class RegisterService {

    /** By review and reference in natural order; references differing only in case ("4a", "4A") by id, so every page is the same. */
    private static final Comparator<Register.Row> BY_REFERENCE = Comparator.<Register.Row, String>comparing(row -> row.entry().reviewCode())
            .thenComparing(row -> row.entry().reference(), ReferenceOrder.NATURAL).thenComparingLong(row -> row.entry().id());

    private final RecommendationService recommendations;
    private final OpenTaskService openTasks;
    private final Visibility visibility;
    private final Directory directory;
    private final Clock clock;

    RegisterService(RecommendationService recommendations, OpenTaskService openTasks, Visibility visibility, Directory directory, Clock clock) {
        this.recommendations = recommendations;
        this.openTasks = openTasks;
        this.visibility = visibility;
        this.directory = directory;
        this.clock = clock;
    }

    Register page(RegisterQuery query) {
        Optional<Set<String>> scope = visibility.scope();
        List<Register.Row> visible = visibleRows(scope);
        List<Register.Row> rows = chosen(visible, query);
        int pages = Math.max(1, (rows.size() + RegisterQuery.PAGE_SIZE - 1) / RegisterQuery.PAGE_SIZE);
        int page = Math.min(Math.max(1, query.page()), pages);
        int from = (page - 1) * RegisterQuery.PAGE_SIZE;
        return new Register(query, visibility.seesEverything() ? "All recommendations" : "Your organisation's recommendations",
                withTexts(rows.subList(from, Math.min(rows.size(), from + RegisterQuery.PAGE_SIZE))), rows.size(), page, pages,
                visible.stream().map(row -> row.entry().reviewCode()).distinct().sorted().toList(), organisations(visible, scope));
    }

    /** The organisations among the owners and addressees of what the person may see, by name, for the filters' choices. */
    private Map<String, String> organisations(List<Register.Row> visible, Optional<Set<String>> scope) {
        Set<String> ids = new HashSet<>(recommendations.addresseeOrganisations(scope));
        visible.stream().map(row -> row.entry().ownerGroup()).filter(Objects::nonNull).forEach(ids::add);
        return directory.organisationNames(ids).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Every row of the view, for its CSV. */
    List<Register.Row> all(RegisterQuery query) {
        return withTexts(chosen(visibleRows(visibility.scope()), query));
    }

    private List<Register.Row> withTexts(List<Register.Row> rows) {
        Map<Long, RegisterText> texts = recommendations.registerTexts(rows.stream().map(row -> row.entry().id()).toList());
        return rows.stream().map(row -> row.withText(texts.get(row.entry().id()))).toList();
    }

    private List<Register.Row> visibleRows(Optional<Set<String>> scope) {
        List<RegisterEntry> entries = recommendations.register(scope);
        Map<String, OffsetDateTime> due = openTasks.soonestDue();
        Map<String, String> names = directory.organisationNames(entries.stream().map(RegisterEntry::ownerGroup).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        return entries.stream().map(entry -> {
            OffsetDateTime dueAt = due.get(entry.businessKey());
            return new Register.Row(entry, entry.ownerGroup() == null ? null : names.get(entry.ownerGroup()), dueAt,
                    dueAt != null && dueAt.isBefore(now),
                    entry.status().isOpen() && entry.targetDate() != null && entry.targetDate().isBefore(today), null);
        }).toList();
    }

    private List<Register.Row> chosen(List<Register.Row> rows, RegisterQuery query) {
        return rows.stream().filter(filter(query)).sorted(order(query)).toList();
    }

    private Predicate<Register.Row> filter(RegisterQuery query) {
        Predicate<Register.Row> chosen = row -> true;
        if (!query.wordList().isEmpty()) {
            Set<Long> matching = recommendations.matching(query.wordList());
            chosen = chosen.and(row -> matching.contains(row.entry().id()));
        }
        if (query.review() != null) {
            chosen = chosen.and(row -> query.review().equals(row.entry().reviewCode()));
        }
        if (query.status() != null) {
            chosen = chosen.and(row -> row.entry().status() == query.status());
        }
        if (query.open()) {
            chosen = chosen.and(row -> row.entry().status().isOpen());
        }
        if (query.owner() != null) {
            chosen = chosen.and(row -> query.owner().equals(row.entry().ownerGroup()));
        }
        if (query.rag() != null) {
            chosen = chosen.and(row -> row.entry().latestRag() == query.rag());
        }
        if (query.overdue()) {
            chosen = chosen.and(Register.Row::overdue);
        }
        if (query.dueWithin() != null) {
            LocalDate last = LocalDate.now(clock).plusDays(query.dueWithin());
            chosen = chosen.and(row -> row.due() != null && !row.due().atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(last));
        }
        if (query.offTrack()) {
            chosen = chosen.and(Register.Row::offTrack);
        }
        if (query.waitingOn() != null) {
            Set<String> waiting = openTasks.waitingOn(query.waitingOn());
            chosen = chosen.and(row -> waiting.contains(row.entry().businessKey()));
        }
        return chosen;
    }

    /** The chosen order; a search puts the recommendations numbered as one of its words first ("Harris 29"). */
    private static Comparator<Register.Row> order(RegisterQuery query) {
        Comparator<Register.Row> order = switch (query.sort()) {
            case REFERENCE -> BY_REFERENCE;
            case STATUS -> Comparator.<Register.Row, Integer>comparing(row -> row.entry().status().ordinal()).thenComparing(BY_REFERENCE);
            case OWNER -> nullsLast(Register.Row::ownerName, String.CASE_INSENSITIVE_ORDER);
            case TARGET -> nullsLast(row -> row.entry().targetDate(), Comparator.<LocalDate>naturalOrder());
            case DUE -> nullsLast(Register.Row::due, Comparator.<OffsetDateTime>naturalOrder());
            case UPDATED -> nullsLast(row -> row.entry().updatedAt(), Comparator.<OffsetDateTime>reverseOrder());
        };
        Set<String> numbers = query.wordList().stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return numbers.isEmpty() ? order
                : Comparator.<Register.Row, Boolean>comparing(row -> !numbers.contains(row.entry().reference().toLowerCase(Locale.ROOT))).thenComparing(order);
    }

    private static <T> Comparator<Register.Row> nullsLast(Function<Register.Row, T> key, Comparator<T> order) {
        return Comparator.comparing(key, Comparator.nullsLast(order)).thenComparing(BY_REFERENCE);
    }
}
