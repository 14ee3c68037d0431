package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ReferenceOrderTest {

    @Test
    void numbersSortAsPeopleCountThem() {
        List<String> references = new ArrayList<>(List.of("10", "MC16", "2", "4b", "1", "MC2", "4a", "4", "100"));
        references.sort(ReferenceOrder.NATURAL);
        assertThat(references).containsExactly("1", "2", "4", "4a", "4b", "10", "100", "MC2", "MC16");
    }

    @Test
    void zerosCaseAndLongNumbersAreReadAsTheRuleSays() {
        List<String> references = new ArrayList<>(List.of("mc3", "MC2", "007", "7b", "99999999999999999999", "100000000000000000000",
                "7A", "Z", "a"));
        references.sort(ReferenceOrder.NATURAL);
        assertThat(references).containsExactly("7A", "7b", "007", "99999999999999999999", "100000000000000000000", "a", "MC2", "mc3", "Z");
    }

    /** The rule as first written, split by a regular expression and numbers parsed: the in-place comparison must agree with it. */
    @Test
    void agreesWithTheRuleSplitAndParsedOnTenThousandRandomPairs() {
        Random random = new Random(19);
        String alphabet = "0001239aAbBzZ-/ .";
        for (int pair = 0; pair < 10_000; pair++) {
            String left = randomReference(random, alphabet);
            String right = randomReference(random, alphabet);
            assertThat(Integer.signum(ReferenceOrder.NATURAL.compare(left, right))).as("%s against %s", left, right)
                    .isEqualTo(Integer.signum(splitAndParsed(left, right)));
        }
    }

    private static String randomReference(Random random, String alphabet) {
        StringBuilder reference = new StringBuilder();
        for (int length = random.nextInt(7); length > 0; length--) {
            reference.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return reference.toString();
    }

    private static int splitAndParsed(String left, String right) {
        Pattern parts = Pattern.compile("(\\d+)|(\\D+)");
        Matcher a = parts.matcher(left);
        Matcher b = parts.matcher(right);
        while (a.find() && b.find()) {
            int order = a.group(1) != null && b.group(1) != null
                    ? new BigInteger(a.group(1)).compareTo(new BigInteger(b.group(1)))
                    : a.group().compareToIgnoreCase(b.group());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length(), right.length());
    }
}
