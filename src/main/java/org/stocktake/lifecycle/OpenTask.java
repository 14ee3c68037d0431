package org.stocktake.lifecycle;

import java.time.OffsetDateTime;
import java.util.List;

/** A user task waiting on somebody, as the timeline shows it. */
public record OpenTask(String id, String key, String name, List<String> candidateGroups, String assignee,
                       OffsetDateTime created, OffsetDateTime due) {
}
