package org.stocktake.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for a statement's {@code in (:values)} list, split so that no statement carries more than
 * {@value #MOST} of them: well within every database's limit on parameters.
 */
public final class InLists {

    public static final int MOST = 1000;

    private InLists() {
    }

    public static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MOST) {
            lists.add(all.subList(from, Math.min(all.size(), from + MOST)));
        }
        return lists;
    }
}
