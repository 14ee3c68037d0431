package org.stocktake.report;

import java.util.Comparator;

/**
 * Recommendation numbers as people order them: 2 before 10, 4a before 4b, MC2 before MC16. A
 * reference is read as runs of digits and of other characters; runs are compared in turn, two
 * numbers by their value and anything else ignoring case; when one runs out of runs, the shorter
 * reference comes first (so 7b before 007). Compared in place, without splitting or parsing: a review of ten thousand
 * recommendations is sorted on every public summary (BENCHMARKS.md, Optimisations).
 */
final class ReferenceOrder {

    static final Comparator<String> NATURAL = ReferenceOrder::compare;

    private ReferenceOrder() {
    }

    private static int compare(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int leftEnd = runEnd(left, i);
            int rightEnd = runEnd(right, j);
            int order = isDigit(left.charAt(i)) && isDigit(right.charAt(j))
                    ? compareNumbers(left, i, leftEnd, right, j, rightEnd)
                    : compareIgnoringCase(left, i, leftEnd, right, j, rightEnd);
            if (order != 0) {
                return order;
            }
            i = leftEnd;
            j = rightEnd;
        }
        return Integer.compare(left.length(), right.length());
    }

    /** Where the run of digits, or of anything else, that starts at {@code start} ends. */
    private static int runEnd(String text, int start) {
        boolean digits = isDigit(text.charAt(start));
        int end = start + 1;
        while (end < text.length() && isDigit(text.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    /** By value, however long: leading zeros skipped, then the longer is the larger, then digit by digit. */
    private static int compareNumbers(String left, int i, int leftEnd, String right, int j, int rightEnd) {
        while (i < leftEnd - 1 && left.charAt(i) == '0') {
            i++;
        }
        while (j < rightEnd - 1 && right.charAt(j) == '0') {
            j++;
        }
        int order = Integer.compare(leftEnd - i, rightEnd - j);
        for (; order == 0 && i < leftEnd; i++, j++) {
            order = Character.compare(left.charAt(i), right.charAt(j));
        }
        return order;
    }

    /** As {@link String#CASE_INSENSITIVE_ORDER} compares the two runs. */
    private static int compareIgnoringCase(String left, int i, int leftEnd, String right, int j, int rightEnd) {
        for (; i < leftEnd && j < rightEnd; i++, j++) {
            char a = left.charAt(i);
            char b = right.charAt(j);
            if (a != b) {
                a = Character.toUpperCase(a);
                b = Character.toUpperCase(b);
                if (a != b) {
                    a = Character.toLowerCase(a);
                    b = Character.toLowerCase(b);
                    if (a != b) {
                        return a - b;
                    }
                }
            }
        }
        return (leftEnd - i) - (rightEnd - j);
    }

    /** What a regular expression's {@code \d} is: the ASCII digits. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
