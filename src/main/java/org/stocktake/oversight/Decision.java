package org.stocktake.oversight;

import java.time.OffsetDateTime;
import java.util.List;

/** Who decided what about a recommendation, when, why, and what it changed. */
public record Decision(long id, long recommendationId, DecisionKind kind, String outcome, String comment,
                       Long escalationId, List<Change> changes, String decidedBy, OffsetDateTime decidedAt) {
}
