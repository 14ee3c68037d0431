package org.stocktake.notify;

import java.time.OffsetDateTime;

/**
 * Something to tell people about a recommendation: what happened (the headline, e.g. the task's
 * name), any detail, the task it concerns if there is one, and when something is due.
 */
public record Notice(NoticeKind kind, long recommendationId, String headline, String detail, String taskId, OffsetDateTime due) {
}
