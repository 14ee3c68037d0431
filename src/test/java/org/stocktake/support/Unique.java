package org.stocktake.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names no other test has used in this JVM, so each test's data stands apart in the shared
 * database whatever ran before it, and nobody has to keep review codes apart by hand.
 */
public final class Unique {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Unique() {
    }

    /** A review code: the prefix and a number, e.g. {@code RACES-7}. */
    public static String reviewCode(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }
}
