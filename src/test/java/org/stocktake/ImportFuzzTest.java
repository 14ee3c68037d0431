package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * The Harris file mutated at random (bytes cut, inserted, flipped; lines doubled, swapped and
 * truncated; quotes, commas and invalid UTF-8 thrown in): every answer is a 2xx, 400, 409 or 413,
 * never a 500, and a refused file leaves the database exactly as it was. Each case's seed is in
 * its name, so a failure can be replayed.
 */
@StocktakeSpringTest
@OnBothDatabases
class ImportFuzzTest {

    static final int CASES = 40;
    static final byte[] INSERTS = ",\"\n\r;:\u00e9\u2014x0 ".getBytes(StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> aMutatedFileIsImportedWholeOrRefusedWhole() throws IOException {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).user("fuzz-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "fuzz-sec", People.PASSWORD);
        // a review of its own, so the other tests' imports are not in the way
        byte[] harris = new String(ImportOverHttpTest.harris(), StandardCharsets.UTF_8).replace("HARRIS-2016", "FUZZ-2016")
                .getBytes(StandardCharsets.UTF_8);
        List<Integer> answers = new ArrayList<>();
        Stream<DynamicTest> cases = IntStream.range(0, CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            byte[] mutant = mutate(harris, new Random(seed));
            long[] before = counts();

            ResponseEntity<Map<String, Object>> answer = secretariat.postFile("/api/imports?fileName=fuzz-" + seed + ".csv",
                    mutant, MediaType.parseMediaType("text/csv"));

            answers.add(answer.getStatusCode().value());
            assertThat(answer.getStatusCode().value()).as("answer to seed %d: %s", seed, answer.getBody())
                    .isIn(200, 201, 400, 409, 413);
            long[] after = counts();
            if (answer.getStatusCode() == HttpStatus.CREATED) {
                int created = (Integer) answer.getBody().get("created");
                assertThat(after).as("rows and process instances added by seed %d", seed)
                        .containsExactly(before[0] + created, before[1] + created);
            } else {
                assertThat(after).as("nothing written for seed %d", seed).containsExactly(before);
            }
        }));
        return Stream.concat(cases, Stream.of(DynamicTest.dynamicTest("the mutations both import and get refused", () ->
                assertThat(answers).as("answers").contains(201).contains(400))));
    }

    /** Recommendations in our tables and process instances in the engine's history. */
    private long[] counts() {
        return new long[] {
                jdbc.sql("select count(*) from recommendation").query(Long.class).single(),
                jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single()};
    }

    static byte[] mutate(byte[] file, Random random) {
        byte[] mutant = file;
        int operations = 1 + random.nextInt(3);
        for (int i = 0; i < operations; i++) {
            mutant = switch (random.nextInt(6)) {
                case 0 -> cut(mutant, random);
                case 1 -> insert(mutant, random);
                case 2 -> flip(mutant, random);
                case 3 -> doubleLine(mutant, random);
                case 4 -> swapLines(mutant, random);
                default -> Arrays.copyOf(mutant, random.nextInt(mutant.length + 1));
            };
        }
        return mutant;
    }

    private static byte[] cut(byte[] file, Random random) {
        int from = random.nextInt(file.length + 1);
        int to = Math.min(file.length, from + random.nextInt(200));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, from);
        out.write(file, to, file.length - to);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] file, Random random) {
        int at = random.nextInt(file.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, at);
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            out.write(random.nextInt(10) == 0 ? 0xFF : INSERTS[random.nextInt(INSERTS.length)]);
        }
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] file, Random random) {
        byte[] flipped = file.clone();
        if (flipped.length > 0) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private static byte[] doubleLine(byte[] file, Random random) {
        List<String> lines = lines(file);
        int line = random.nextInt(lines.size());
        lines.add(line, lines.get(line));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] swapLines(byte[] file, Random random) {
        List<String> lines = lines(file);
        Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(byte[] file) {
        return new ArrayList<>(List.of(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
    }
}
