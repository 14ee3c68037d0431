package org.stocktake.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.stocktake.review.RecommendationService;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/** {@code java -jar stocktake.jar import FILE}, run in the test's application context. */
@StocktakeSpringTest
@OnBothDatabases
class ImportCommandTest {

    static final String REVIEW = Unique.reviewCode("CLI");

    @Autowired
    ImportCommand command;
    @Autowired
    RecommendationService recommendations;

    @TempDir
    Path directory;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importsAFileShowingItsProgress() throws IOException {
        Path file = write("cli.csv", "review_code,review_title,number,text,status\n" + IntStream.rangeClosed(1, 150)
                .mapToObj(n -> REVIEW + ",Command line," + n + ",Text " + n + ".,RESOLVED").collect(Collectors.joining("\n")));

        int exitCode = run("import", file.toString());

        assertThat(exitCode).isZero();
        assertThat(output()).contains("Importing " + file, "] 100/150", "[########################################] 150/150",
                "150 rows, 150 created, 0 unchanged");
        assertThat(recommendations.listByReview(REVIEW)).hasSize(150);
        assertThat(run("import", file.toString(), "--dry-run")).isZero();
        assertThat(output()).contains("Checked: 150 rows; an import would create 0 and leave 150 unchanged.");
    }

    @Test
    void aRefusedFileListsEveryProblemAndExitsWithOne() throws IOException {
        Path file = write("bad.csv", "review_code,review_title,number,text,status\nCLI-BAD,Bad,1,Text.,FINISHED\nCLI-BAD,Bad,2,,\n");

        assertThat(run("import", file.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing was written", "row 2, status:", "row 3, text:");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("import")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(ImportCommand.USAGE);
        assertThat(run("import", directory.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read");
    }

    @Test
    void theProgressBarFillsInProportion() {
        assertThat(ImportCommand.progressBar(0, 200)).isEqualTo("\r[" + ".".repeat(40) + "] 0/200");
        assertThat(ImportCommand.progressBar(50, 200)).isEqualTo("\r[" + "#".repeat(10) + ".".repeat(30) + "] 50/200");
    }

    private int run(String... args) {
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
