package org.stocktake.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewKind;

/** Every kind of bad file is refused with the row and column of each problem. */
class ImportFileReaderTest {

    static final String HEADER = "review_code,review_title,number,text,status,addressees,owner,update";

    ImportFileReader reader = new ImportFileReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void aGoodFileGivesOneRowPerRecommendationWithSpreadsheetRowNumbers() {
        List<ImportRow> rows = read(HEADER + "\r\n"
                + "HARRIS-2016,Harris Review,29,\"The Mayor and the Commissioner should consider CEDs (Taser).\",Resolved,,,\"Agreed,\nwith a second line\"\r\n"
                + "HARRIS-2016,Harris Review,48,There should be no delay.,in progress,mps; lfb,lfb,\r\n");

        assertThat(rows).hasSize(2);
        ImportRow first = rows.get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.businessKey()).isEqualTo("HARRIS-2016/29");
        assertThat(first.status()).isEqualTo(RecommendationStatus.RESOLVED);
        assertThat(first.update()).isEqualTo("Agreed,\nwith a second line");
        assertThat(first.review().kind()).isEqualTo(ReviewKind.REVIEW);
        ImportRow second = rows.get(1);
        assertThat(second.row()).isEqualTo(3);
        assertThat(second.status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(second.recommendation().addressees()).containsExactly("mps", "lfb");
        assertThat(second.owner()).isEqualTo("lfb");
        assertThat(second.update()).isNull();
    }

    @Test
    void aReviewsBankHolidaysAreReadAsPeopleWriteThemAndAnUnknownNationIsNamed() {
        String header = "review_code,review_title,number,text,bank_holidays\n";
        assertThat(read(header + "FAI-2027,Fatal accident inquiry,1,Review the barriers.,Scotland\n"))
                .singleElement().satisfies(row -> assertThat(row.review().bankHolidays()).isEqualTo(BankHolidays.SCOTLAND));
        assertThat(read(header + "PFD-2027,Report to prevent future deaths,1,Review the barriers.,\n"))
                .as("absent: the default, England and Wales, when the review is registered")
                .singleElement().satisfies(row -> assertThat(row.review().bankHolidays()).isNull());
        assertThat(problems(header + "FAI-2027,Fatal accident inquiry,1,Review the barriers.,Wales\n")).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.row()).isEqualTo(2);
                    assertThat(problem.column()).isEqualTo("bank_holidays");
                    assertThat(problem.message()).isEqualTo("\"Wales\" is not one of England and Wales, Scotland, Northern Ireland");
                });
        assertThat(problems(header + "FAI-2027,Fatal accident inquiry,1,Text.,Scotland\nFAI-2027,Fatal accident inquiry,2,Text.,Northern Ireland\n"))
                .extracting(ImportProblem::row, ImportProblem::column).containsExactly(tuple(3, "bank_holidays"));
        assertThat(read(header + "PFD-2027,Report,1,Text.,\nPFD-2027,Report,2,Text.,England and Wales\n")).as("blank is the default").hasSize(2);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumn() {
        assertThat(read("\uFEFF" + HEADER + "\nPREVENT-2017,Prevent learning review,1,Share referrals.,,,,\n")).hasSize(1);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(problems("")).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isNull();
            assertThat(problem.message()).contains("empty");
        });
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        assertThat(problems(HEADER + "\n")).singleElement().satisfies(problem -> assertThat(problem.message()).contains("no recommendations"));
    }

    @Test
    void aMisspeltColumnIsNamedWithTheColumnItProbablyMeant() {
        List<ImportProblem> problems = problems("review_code,review_title,number,text,stauts\nA,B,1,C,RESOLVED\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo("stauts");
            assertThat(problem.message()).contains("did you mean status?");
        });
    }

    @Test
    void everyMissingRequiredColumnIsNamed() {
        assertThat(problems("review_code,text\nA,B\n")).extracting(ImportProblem::column)
                .containsExactly("review_title", "number");
    }

    @Test
    void aMissingRequiredValueIsNamedByRowAndColumn() {
        List<ImportProblem> problems = problems(HEADER + "\nHARRIS-2016,Harris Review,29,,,,,\nHARRIS-2016,,30,Text.,,,,\n");

        assertThat(problems).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(tuple(2, "text"), tuple(3, "review_title"));
    }

    @Test
    void aReferenceTwiceInOneReviewIsRefusedAtItsSecondRow() {
        List<ImportProblem> problems = problems(HEADER + "\nHARRIS-2016,Harris Review,29,One.,,,,\nHARRIS-2016,Harris Review,29,Two.,,,,\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("number");
            assertThat(problem.message()).contains("already on row 2");
        });
    }

    @Test
    void anUnknownStatusIsRefusedWithTheChoices() {
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,29,Text.,DONE,,,\n")).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("status");
            assertThat(problem.message()).contains("\"DONE\"").contains("RESOLVED_BY_OTHER_MEANS");
        });
    }

    @Test
    void aProposedClosureCannotBeImported() {
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,29,Text.,CLOSURE_PROPOSED,,,\n"))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("IN_PROGRESS"));
    }

    @Test
    void rowsWithTooManyOrTooFewValuesAreRefused() {
        List<ImportProblem> problems = problems(HEADER + "\nHARRIS-2016,Harris Review,29,Text, with a comma,,,,\nHARRIS-2016,Harris Review,30,Text\n");

        assertThat(problems).extracting(ImportProblem::row).containsExactly(2, 3);
        assertThat(problems.get(0).message()).contains("has 9 values but the header has 8 columns");
        assertThat(problems.get(1).message()).contains("has 4 values");
    }

    @Test
    void textOverTheLimitIsRefused() {
        String text = "x".repeat(10_001);
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,29," + text + ",,,,\nHARRIS-2016,Harris Review,30,Fine.,,,,"
                + "y".repeat(10_001) + "\n"))
                .extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(tuple(2, "text"), tuple(3, "update"));
    }

    @Test
    void badCodesIdsKindsAndDatesAreEachNamed() {
        List<ImportProblem> problems = problems("review_code,review_title,review_kind,received_on,number,text,owner,addressees\n"
                + "harris 2016,Harris Review,AUDIT,27/10/2016,29/a,Text.,London Fire Brigade,Home Office\n");

        assertThat(problems).extracting(ImportProblem::column).containsExactlyInAnyOrder(
                "review_code", "review_kind", "received_on", "number", "owner", "addressees");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.row()).isEqualTo(2));
    }

    @Test
    void rowsOfOneReviewMustAgreeOnItsTitle() {
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,29,One.,,,,\nHARRIS-2016,The Harris Review,30,Two.,,,,\n"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.row()).isEqualTo(3);
                    assertThat(problem.column()).isEqualTo("review_title");
                });
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
        byte[] latin1 = (HEADER + "\nHARRIS-2016,Harris Review,29,Caf\u00e9 culture.,,,,\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read(latin1)).isInstanceOfSatisfying(ImportRejectedException.class, rejected ->
                assertThat(rejected.problems()).singleElement().satisfies(problem ->
                        assertThat(problem.message()).contains("not UTF-8").contains("0xE9").contains("line 2")));
    }

    @Test
    void anUnclosedQuoteIsRefusedAsInvalidCsv() {
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,29,\"Text that never ends,,,,\n"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.row()).isEqualTo(2);
                    assertThat(problem.message()).contains("not valid CSV");
                });
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        assertThat(problems(HEADER + "\nHARRIS-2016,Harris Review,,Text.,,,,\nHARRIS-2016,Harris Review,31,Text.,MAYBE,,,\n"
                + "HARRIS-2016,Harris Review,32,\n")).hasSize(3);
    }

    private List<ImportRow> read(String csv) {
        return reader.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<ImportProblem> problems(String csv) {
        try {
            reader.read(csv.getBytes(StandardCharsets.UTF_8));
        } catch (ImportRejectedException rejected) {
            assertThat(rejected.isConflict()).isFalse();
            return rejected.problems();
        }
        throw new AssertionError("The file was accepted: " + csv);
    }
}
