package org.stocktake.report;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recommendation numbers as people order them: 2 before 10, 4a before 4b, MC2 before MC16. */
final class ReferenceOrder {

    private static final Pattern PARTS = Pattern.compile("(\\d+)|(\\D+)");

    static final Comparator<String> NATURAL = ReferenceOrder::compare;

    private ReferenceOrder() {
    }

    private static int compare(String left, String right) {
        Matcher a = PARTS.matcher(left);
        Matcher b = PARTS.matcher(right);
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
