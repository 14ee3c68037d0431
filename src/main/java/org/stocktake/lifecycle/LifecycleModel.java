package org.stocktake.lifecycle;

/** The ids of {@code bpmn/recommendation-lifecycle.bpmn} that code and tests refer to. */
public final class LifecycleModel {

    public static final String PROCESS_KEY = "RecommendationLifecycle";

    public static final String TASK_RECORD_RESPONSE = "Task_RecordResponse";
    public static final String TASK_ASSIGN_OWNER = "Task_AssignOwner";
    public static final String TASK_SUBMIT_PROGRESS_UPDATE = "Task_SubmitProgressUpdate";
    public static final String TASK_REVIEW_ESCALATION = "Task_ReviewEscalation";
    public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";
    public static final String TASK_SIGN_OFF_CLOSURE = "Task_SignOffClosure";
    public static final String TASK_ASSURANCE_CHECK = "Task_AssuranceCheck";

    public static final String END_RECOMMENDATION_CLOSED = "EndEvent_RecommendationClosed";

    private LifecycleModel() {
    }
}
