package org.stocktake.lifecycle;

import static org.stocktake.lifecycle.ProcessVariables.*;

import java.time.Clock;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stocktake.evidence.EvidenceService;
import org.stocktake.oversight.AssuranceResult;
import org.stocktake.oversight.ClosureDecision;
import org.stocktake.oversight.EscalationAction;
import org.stocktake.oversight.EscalationReview;
import org.stocktake.oversight.ExtensionDecision;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.oversight.OwnerAssignment;
import org.stocktake.review.ProgressUpdateSubmission;
import org.stocktake.review.Proposal;
import org.stocktake.review.Rag;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ResponseDecision;
import org.stocktake.review.ResponseSubmission;
import org.stocktake.security.Roles;

/**
 * The complete listeners of the model's user tasks ({@code ${submissions.response(task)}}): each
 * checks what was submitted (with the same Bean Validation constraints the API uses), records it
 * in our tables in the task's own transaction, and keeps only the routing values the gateways
 * after it need. A refused submission rolls back the
 * completion, so the task stays open.
 */
@Component("submissions")
public class Submissions {

    private final RecommendationService recommendations;
    private final OversightDecisionService decisions;
    private final EvidenceService evidence;
    private final InstanceAccess instanceAccess;
    private final Validator validator;
    private final Clock clock;

    Submissions(RecommendationService recommendations, OversightDecisionService decisions, EvidenceService evidence,
                InstanceAccess instanceAccess, Validator validator, Clock clock) {
        this.recommendations = recommendations;
        this.decisions = decisions;
        this.evidence = evidence;
        this.instanceAccess = instanceAccess;
        this.validator = validator;
        this.clock = clock;
    }

    /** Task_RecordResponse: one addressee's answer. */
    public void response(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        String addressee = submission.candidateGroup();
        submission.requireMemberOf(addressee);
        ResponseSubmission response = submission.valid(new ResponseSubmission(submission.choice(DECISION, ResponseDecision.class),
                submission.text(RESPONSE_TEXT), submission.text(RATIONALE)));
        recommendations.recordResponse(submission.recommendationId(), addressee, response, submission.submittedBy());
    }

    /** Task_AssignOwner: the secretariat names the owner, who gets every following update task. */
    public void ownerAssignment(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf(Roles.SECRETARIAT);
        OwnerAssignment assignment = submission.valid(new OwnerAssignment(submission.text(OWNER_GROUP), submission.text(OWNER_USER),
                submission.date(TARGET_DATE)));
        decisions.assignOwner(submission.recommendationId(), assignment, submission.submittedBy());
        // before the new owner is kept: the grant moves from the owner the process still names
        instanceAccess.moveOwnerGrant(task.getExecution().getProcessInstance(), assignment.ownerGroup());
        submission.keep(OWNER_GROUP, assignment.ownerGroup());
        submission.keep(OWNER_USER, assignment.ownerUser());
    }

    /** Task_SubmitProgressUpdate: the owner's quarterly report and proposal. */
    public void progressUpdate(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf((String) submission.processValue(OWNER_GROUP));
        ProgressUpdateSubmission update = submission.valid(new ProgressUpdateSubmission(
                (String) submission.processValue(REPORTING_QUARTER),
                submission.choice(RAG, Rag.class),
                submission.text(PUBLIC_UPDATE),
                submission.text(RESTRICTED_NOTE),
                submission.choice(PROPOSAL, Proposal.class),
                submission.date(PROPOSED_TARGET_DATE),
                submission.text(EVIDENCE)));
        recommendations.recordProgressUpdate(submission.recommendationId(), update, submission.submittedBy());
        submission.keep(RAG, update.rag().name());
        submission.keep(PROPOSAL, update.proposal().name());
        if (update.proposal().proposesClosure()) {
            submission.keep(CLOSURE_PROPOSAL, update.proposal().closureStatus().name());
        }
    }

    /** Task_ReviewEscalation: the board's action; a reassignment moves the open update task too. */
    public void escalationReview(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf(Roles.OVERSIGHT_BOARD);
        EscalationReview review = submission.valid(new EscalationReview(submission.choice(ESCALATION_ACTION, EscalationAction.class),
                submission.text(BOARD_COMMENT), submission.text(OWNER_GROUP), submission.date(TARGET_DATE)));
        // the model copies the escalation's id into the task as it opens (several may be open at once);
        // a submission cannot change it, since only the form's fields are accepted
        decisions.reviewEscalation((Long) task.getExecution().getVariableLocal(ESCALATION_ID), review, submission.submittedBy());
        if (review.escalationAction() == EscalationAction.REASSIGN) {
            instanceAccess.moveOwnerGrant(task.getExecution().getProcessInstance(), review.ownerGroup());
            submission.keep(OWNER_GROUP, review.ownerGroup());
            submission.keep(OWNER_USER, null);
            moveOpenUpdateTask(task, review.ownerGroup());
        }
    }

    /** Task_DecideExtension: the board approves or rejects the owner's request for a later target date. */
    public void extensionDecision(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf(Roles.OVERSIGHT_BOARD);
        decisions.decideExtension(submission.recommendationId(), submission.choice(BOARD_DECISION, ExtensionDecision.class),
                submission.text(BOARD_COMMENT), submission.submittedBy());
    }

    /** Task_SignOffClosure: the board approves the proposed closure or returns it, and the evidence it saw is fingerprinted. */
    public void closureSignOff(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf(Roles.OVERSIGHT_BOARD);
        long recommendationId = submission.recommendationId();
        RecommendationStatus proposedClosure = RecommendationStatus.valueOf((String) submission.processValue(CLOSURE_PROPOSAL));
        ClosureDecision decision = submission.choice(BOARD_DECISION, ClosureDecision.class);
        decisions.signOffClosure(recommendationId, proposedClosure, decision, submission.text(BOARD_COMMENT), submission.submittedBy());
        evidence.recordSignOff(recommendationId, submission.submittedBy());
        submission.keep(BOARD_DECISION, decision.name());
    }

    /** Task_AssuranceCheck: the board confirms a closure still holds, or reopens it. */
    public void assuranceCheck(DelegateTask task) {
        TaskSubmission submission = submitted(task);
        submission.requireMemberOf(Roles.OVERSIGHT_BOARD);
        AssuranceResult result = submission.choice(ASSURANCE_RESULT, AssuranceResult.class);
        decisions.checkAssurance(submission.recommendationId(), result, submission.text(BOARD_COMMENT), submission.submittedBy());
        submission.keep(ASSURANCE_RESULT, result.name());
    }

    /**
     * Hands the open progress update, if there is one, to the new owner. The board member
     * completing the escalation may not touch the owner's task, but a listener runs without the
     * acting user's authorization checks (Camunda's authorizationEnabledForCustomCode is off).
     */
    private static void moveOpenUpdateTask(DelegateTask escalationTask, String newOwnerGroup) {
        TaskService taskService = escalationTask.getProcessEngineServices().getTaskService();
        // one update task at most is open: each quarter's opens after the last one was submitted
        Task updateTask = taskService.createTaskQuery()
                .processInstanceId(escalationTask.getProcessInstanceId())
                .taskDefinitionKey(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE)
                .singleResult();
        if (updateTask != null) {
            taskService.getIdentityLinksForTask(updateTask.getId()).stream()
                    .filter(link -> link.getGroupId() != null)
                    .forEach(link -> taskService.deleteCandidateGroup(updateTask.getId(), link.getGroupId()));
            taskService.addCandidateGroup(updateTask.getId(), newOwnerGroup);
            taskService.setAssignee(updateTask.getId(), null);
        }
    }

    private TaskSubmission submitted(DelegateTask task) {
        return new TaskSubmission(task, recommendations, validator, clock.getZone());
    }
}
