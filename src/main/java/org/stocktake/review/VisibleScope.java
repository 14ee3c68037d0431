package org.stocktake.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Visibility}'s rule as SQL, for reads that count or list many recommendations: a scope is
 * empty for every recommendation, or the groups through which the caller sees them (as owner or
 * addressee). The groups' recommendations are found through indexes (V14) before anything else is read.
 */
final class VisibleScope {

    private VisibleScope() {
    }

    /** The condition on the recommendation aliased {@code r} that keeps it within the scope; its parameter is put in {@code parameters}. */
    static String condition(Optional<Set<String>> scope, Map<String, Object> parameters) {
        if (scope.isEmpty()) {
            return "1 = 1";
        }
        if (scope.get().isEmpty()) {
            return "1 = 0";
        }
        parameters.put("groups", List.copyOf(scope.get()));
        return """
                r.id in (select o.id from recommendation o where o.owner_group in (:groups)
                         union select a.recommendation_id from recommendation_addressee a where a.organisation in (:groups))""";
    }
}
