package org.stocktake.lifecycle;

import java.util.Set;

/**
 * Every variable name the lifecycle uses. The process keeps only ids and the values its gateways
 * route on; what people submit is declared local to its task (input parameters in the model), read
 * by the task's complete listener into our tables, and gone when the task ends.
 */
public final class ProcessVariables {

    // Kept by the process: ids and routing values
    public static final String RECOMMENDATION_ID = "recommendationId";
    /** The addressee of one response task: the element variable of the multi-instance response stage. */
    public static final String ADDRESSEE = "addressee";
    public static final String ACCEPTED = "accepted";
    public static final String OWNER_GROUP = "ownerGroup";
    public static final String OWNER_USER = "ownerUser";
    /** The quarter the owner reports on next, e.g. {@code 2027-Q1}. */
    public static final String REPORTING_QUARTER = "reportingQuarter";
    public static final String RAG = "rag";
    public static final String PROPOSAL = "proposal";
    /** The status the recommendation closes with if the board approves. */
    public static final String CLOSURE_PROPOSAL = "closureProposal";
    public static final String BOARD_DECISION = "boardDecision";
    public static final String ASSURANCE_REQUIRED = "assuranceRequired";
    public static final String ASSURANCE_RESULT = "assuranceResult";
    /** Whether the escalation policy sent what slipped to the board: routed on right after. */
    public static final String ESCALATE_TO_BOARD = "escalateToBoard";
    /** How long after closure the board checks it again (an ISO 8601 duration, from the assurance policy). */
    public static final String ASSURANCE_AFTER = "assuranceAfter";
    /** The escalation the board reviews; copied into its task, since several may be open at once. */
    public static final String ESCALATION_ID = "escalationId";

    // Submitted on forms, local to their task
    public static final String DECISION = "decision";
    public static final String RESPONSE_TEXT = "responseText";
    public static final String RATIONALE = "rationale";
    public static final String TARGET_DATE = "targetDate";
    public static final String PUBLIC_UPDATE = "publicUpdate";
    public static final String RESTRICTED_NOTE = "restrictedNote";
    public static final String PROPOSED_TARGET_DATE = "proposedTargetDate";
    public static final String EVIDENCE = "evidence";
    public static final String ESCALATION_ACTION = "escalationAction";
    public static final String BOARD_COMMENT = "boardComment";
    /** Every field people submit that our tables keep, and the engine's history does not (EngineHistory). */
    public static final Set<String> SUBMITTED = Set.of(DECISION, RESPONSE_TEXT, RATIONALE, TARGET_DATE, PUBLIC_UPDATE,
            RESTRICTED_NOTE, PROPOSED_TARGET_DATE, EVIDENCE, ESCALATION_ACTION, BOARD_COMMENT);

    /** What the engine keeps on its own for the response stage, one round per addressee. */
    public static final Set<String> ENGINE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

    // Shown on forms (FormContext, read from our tables when the form is shown; never stored), in words:
    // names, not ids; dates as 31 March 2027
    public static final String RECOMMENDATION_REFERENCE = "recommendationReference";
    public static final String ADDRESSEE_NAME = "addresseeName";
    public static final String CLOSURE_PROPOSAL_IN_WORDS = "closureProposalInWords";
    /** What the forms' select fields offer (FormChoices). */
    public static final String ORGANISATION_CHOICES = "organisationChoices";
    public static final String PERSON_CHOICES = "personChoices";
    public static final String REVIEW_TITLE = "reviewTitle";
    public static final String RECOMMENDATION_TEXT = "recommendationText";
    public static final String RESPONSE_DUE_ON = "responseDueOn";
    public static final String RESPONSES_SUMMARY = "responsesSummary";
    public static final String CURRENT_OWNER = "currentOwner";
    public static final String CURRENT_TARGET_DATE = "currentTargetDate";
    public static final String LATEST_PUBLIC_UPDATE = "latestPublicUpdate";
    public static final String LATEST_EVIDENCE = "latestEvidence";
    public static final String REQUESTED_TARGET_DATE = "requestedTargetDate";
    public static final String ESCALATION_SUMMARY = "escalationSummary";

    private ProcessVariables() {
    }
}
