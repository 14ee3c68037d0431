package org.stocktake.respond;

import org.stocktake.lifecycle.LifecycleModel;

/** What a link lets its holder do: answer as an addressee, or report as the owner. */
public enum LinkPurpose {
    RESPONSE(LifecycleModel.TASK_RECORD_RESPONSE, "Respond to the recommendation"),
    PROGRESS_UPDATE(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, "Report progress on the recommendation");

    final String taskKey;
    private final String label;

    LinkPurpose(String taskKey, String label) {
        this.taskKey = taskKey;
        this.label = label;
    }

    public String label() {
        return label;
    }
}
