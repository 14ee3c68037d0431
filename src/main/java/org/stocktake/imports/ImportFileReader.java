package org.stocktake.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.stereotype.Component;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.review.NewRecommendation;
import org.stocktake.review.NewReview;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ReviewKind;
import org.stocktake.security.Directory;

/**
 * Reads an import file (CSV, UTF-8, a header row; format in docs/design.md) and checks every row on
 * its own, with the same rules as the API. It collects every problem before it gives up, so the
 * person fixing the file sees them all at once.
 */
@Component
class ImportFileReader {

    static final List<String> REQUIRED_COLUMNS = List.of("review_code", "review_title", "number", "text");
    static final List<String> OPTIONAL_COLUMNS = List.of("section", "addressees", "review_kind", "received_on", "bank_holidays", "owner", "status",
            "update");
    static final int UPDATE_MAX_LENGTH = 10_000;

    /** The API's field names, as the file's columns name them. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "code", "review_code", "title", "review_title", "kind", "review_kind", "receivedOn", "received_on",
            "reference", "number", "section", "section", "text", "text", "addressees", "addressees");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** Levenshtein's distance, up to 3 edits; -1 beyond. */
    private static final LevenshteinDistance NEAR = new LevenshteinDistance(3);

    private final Validator validator;

    ImportFileReader(Validator validator) {
        this.validator = validator;
    }

    List<ImportRow> read(byte[] content) {
        String text = decode(content);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        int lastRow = 1;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw ImportRejectedException.invalid(List.of(ImportProblem.ofFile(
                        "the file is empty: it needs a header row (" + String.join(", ", REQUIRED_COLUMNS) + ", …) and a row per recommendation")));
            }
            Header header = header(records.next());
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastRow = (int) record.getRecordNumber();
                readRow(header, record, rows, problems);
            }
        } catch (UncheckedIOException | IOException e) {
            problems.add(new ImportProblem(lastRow + 1, null, "is not valid CSV (" + e.getMessage()
                    + "): a value with commas, quotes or line breaks must be in double quotes, with its own quotes doubled"));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.ofFile("the file has a header but no recommendations"));
        }
        checkAcrossRows(rows, problems);
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid(problems);
        }
        return rows;
    }

    private static String decode(byte[] content) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = utf8.decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = firstInvalidByte(content);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += content[i] == '\n' ? 1 : 0;
            }
            throw ImportRejectedException.invalid(List.of(ImportProblem.ofFile(String.format(
                    "the file is not UTF-8: byte 0x%02X on line %d is not valid UTF-8; save it as \"CSV UTF-8\"", content[offset], line))));
        }
    }

    private static int firstInvalidByte(byte[] content) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.wrap(content);
        var result = utf8.decode(bytes, CharBuffer.allocate(content.length), true);
        return result.isError() ? bytes.position() : 0;
    }

    private static Header header(CSVRecord record) {
        List<String> names = record.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(REQUIRED_COLUMNS);
        known.addAll(OPTIONAL_COLUMNS);
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!known.contains(name)) {
                problems.add(new ImportProblem(1, name, "is not a column Stocktake knows" + closest(name, known)
                        + "; the columns are " + String.join(", ", known)));
            } else if (!seen.add(name)) {
                problems.add(new ImportProblem(1, name, "appears twice in the header"));
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!seen.contains(required)) {
                problems.add(new ImportProblem(1, required, "is a required column and is missing from the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid(problems);
        }
        return new Header(names);
    }

    /** Suggests the known column nearest a misspelt one, within three edits, e.g. "stauts" → "status". */
    private static String closest(String name, Set<String> known) {
        return known.stream().filter(candidate -> NEAR.apply(name, candidate) >= 0)
                .min(Comparator.comparingInt(candidate -> NEAR.apply(name, candidate)))
                .map(candidate -> " (did you mean " + candidate + "?)").orElse("");
    }

    private void readRow(Header header, CSVRecord record, List<ImportRow> rows, List<ImportProblem> problems) {
        int row = (int) record.getRecordNumber();
        if (record.size() != header.size()) {
            problems.add(new ImportProblem(row, null, "has " + record.size() + " values but the header has " + header.size()
                    + " columns; a value with commas must be in double quotes"));
            return;
        }
        List<ImportProblem> rowProblems = new ArrayList<>();
        Values values = new Values(header, record);
        ReviewKind kind = choice(values, "review_kind", ReviewKind.class, ReviewKind.REVIEW, rowProblems, row);
        RecommendationStatus status = choice(values, "status", RecommendationStatus.class, RecommendationStatus.AWAITING_RESPONSE, rowProblems, row);
        if (status == RecommendationStatus.CLOSURE_PROPOSED) {
            rowProblems.add(new ImportProblem(row, "status", "CLOSURE_PROPOSED cannot be imported: import it as IN_PROGRESS "
                    + "and let the owner propose the closure to the board"));
        }
        LocalDate receivedOn = date(values, "received_on", rowProblems, row);
        BankHolidays bankHolidays = bankHolidays(values, rowProblems, row);
        NewReview review = new NewReview(values.get("review_code"), values.get("review_title"), kind, receivedOn, bankHolidays);
        List<String> addressees = values.get("addressees") == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(Arrays.stream(values.get("addressees").split(";"))
                        .map(String::strip).filter(id -> !id.isEmpty()).toList()));
        NewRecommendation recommendation = new NewRecommendation(values.get("number"), values.get("section"), values.get("text"), addressees);
        violations(validator.validate(review), row, rowProblems);
        violations(validator.validate(recommendation), row, rowProblems);
        String owner = values.get("owner");
        if (owner != null && !owner.matches(Directory.ORGANISATION_ID_PATTERN)) {
            rowProblems.add(new ImportProblem(row, "owner", "must be an organisation id: lower-case letters and digits joined by hyphens, e.g. lfb"));
        }
        String update = values.get("update");
        if (update != null && update.length() > UPDATE_MAX_LENGTH) {
            rowProblems.add(new ImportProblem(row, "update", "has " + update.length() + " characters; at most " + UPDATE_MAX_LENGTH + " are kept"));
        }
        if (rowProblems.isEmpty()) {
            rows.add(new ImportRow(row, review, recommendation, owner, status, update));
        }
        problems.addAll(rowProblems);
    }

    private static void violations(Set<? extends ConstraintViolation<?>> violations, int row, List<ImportProblem> problems) {
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(violation -> {
                    String field = violation.getPropertyPath().iterator().next().getName();
                    problems.add(new ImportProblem(row, COLUMN_OF_FIELD.getOrDefault(field, field),
                            violation.getMessage() + (violation.getInvalidValue() instanceof String value && value.length() <= 80
                                    ? " (found \"" + value + "\")" : "")));
                });
    }

    /** An enumeration's value, forgiving spreadsheet spelling: "Resolved by other means" is RESOLVED_BY_OTHER_MEANS. */
    private static <E extends Enum<E>> E choice(Values values, String column, Class<E> type, E otherwise,
                                                List<ImportProblem> problems, int row) {
        String value = values.get(column);
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(row, column, "\"" + value + "\" is not one of " + Arrays.toString(type.getEnumConstants())));
            return otherwise;
        }
    }

    private static BankHolidays bankHolidays(Values values, List<ImportProblem> problems, int row) {
        String value = values.get("bank_holidays");
        if (value == null) {
            return null;
        }
        try {
            return BankHolidays.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(row, "bank_holidays", e.getMessage()));
            return null;
        }
    }

    private static LocalDate date(Values values, String column, List<ImportProblem> problems, int row) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(row, column, "\"" + value + "\" is not a date written 2016-10-27"));
            return null;
        }
    }

    /**
     * Within one file a reference appears once per review, and every row of a review agrees on
     * its title, kind, received date and bank holidays.
     */
    private static void checkAcrossRows(List<ImportRow> rows, List<ImportProblem> problems) {
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        Map<String, ImportRow> firstRowOfReview = new HashMap<>();
        for (ImportRow row : rows) {
            Integer earlier = firstRowOfKey.putIfAbsent(row.businessKey(), row.row());
            if (earlier != null) {
                problems.add(new ImportProblem(row.row(), "number", row.recommendation().reference() + " of " + row.review().code()
                        + " is already on row " + earlier));
            }
            ImportRow first = firstRowOfReview.putIfAbsent(row.review().code(), row);
            if (first != null && !sameReview(first.review(), row.review())) {
                problems.add(new ImportProblem(row.row(), differingReviewColumn(first.review(), row.review()),
                        "differs from row " + first.row() + " for the same review " + row.review().code()));
            }
        }
    }

    /** The same review, a blank bank_holidays being England and Wales's, as a blank review_kind is REVIEW. */
    private static boolean sameReview(NewReview first, NewReview other) {
        return first.title().equals(other.title()) && first.kind() == other.kind() && Objects.equals(first.receivedOn(), other.receivedOn())
                && first.bankHolidaysOrDefault() == other.bankHolidaysOrDefault();
    }

    private static String differingReviewColumn(NewReview first, NewReview other) {
        if (!first.title().equals(other.title())) {
            return "review_title";
        }
        if (first.kind() != other.kind()) {
            return "review_kind";
        }
        return Objects.equals(first.receivedOn(), other.receivedOn()) ? "bank_holidays" : "received_on";
    }

    /** The column names of the header, in order. */
    private record Header(List<String> names) {

        int size() {
            return names.size();
        }
    }

    /** A row's values by column name, as they were before an export neutralised them; empty values and absent columns read as null. */
    private record Values(Header header, CSVRecord record) {

        String get(String column) {
            int index = header.names().indexOf(column);
            if (index < 0) {
                return null;
            }
            String value = SpreadsheetCells.restore(record.get(index).strip());
            return value.isEmpty() ? null : value;
        }
    }
}
