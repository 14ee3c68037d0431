package org.stocktake.lifecycle;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.stocktake.lifecycle.LifecycleModel.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.notify.DueReminder;
import org.stocktake.notify.NoticeKind;
import org.stocktake.notify.ReminderKind;
import org.stocktake.oversight.AssuranceResult;
import org.stocktake.oversight.ClosureDecision;
import org.stocktake.oversight.Escalation;
import org.stocktake.oversight.EscalationAction;
import org.stocktake.oversight.EscalationReason;
import org.stocktake.oversight.EscalationReview;
import org.stocktake.oversight.ExtensionDecision;
import org.stocktake.oversight.OwnerAssignment;
import org.stocktake.review.ProgressUpdateSubmission;
import org.stocktake.review.Proposal;
import org.stocktake.review.Rag;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.ResponseDecision;
import org.stocktake.review.ResponseSubmission;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewKind;

/**
 * Every path through {@code bpmn/recommendation-lifecycle.bpmn}, with the lifecycle's real
 * delegates and listeners over mocked domain services. Time is the engine's clock; timers are
 * fired by executing their jobs after moving the clock to their due date. The class must cover
 * every flow node and sequence flow of the model.
 */
@Deployment(resources = {
        "bpmn/recommendation-lifecycle.bpmn",
        "forms/record-response.form", "forms/assign-owner.form", "forms/submit-progress-update.form",
        "forms/review-escalation.form", "forms/decide-extension.form", "forms/sign-off-closure.form",
        "forms/assurance-check.form", "bpmn/escalation-policy.dmn", "bpmn/assurance-policy.dmn"})
class RecommendationLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final long RECOMMENDATION_ID = 29L;
    /** Another organisation's recommendation, which a process must never be made to record against. */
    static final long OTHER_RECOMMENDATION_ID = 30L;
    static final long ESCALATION_ID = 7L;
    static final String BUSINESS_KEY = "PFD-WESTMINSTER-2018/MC16";
    static final LocalDate RESPONSE_DUE_ON = LocalDate.of(2027, 3, 1);
    static final LocalDate TARGET_DATE = LocalDate.of(2028, 6, 30);

    ProcessEngine processEngine;
    LifecycleTestBeans beans;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        beans = new LifecycleTestBeans(processEngine);
        setClock("2027-01-04T09:00");
        reviewOfKind(ReviewKind.REVIEW);
        when(beans.escalations.raise(anyLong(), any(), any(), any())).thenReturn(ESCALATION_ID);
        when(beans.escalations.get(ESCALATION_ID)).thenReturn(new Escalation(ESCALATION_ID, RECOMMENDATION_ID,
                EscalationReason.UPDATE_OVERDUE, "2027-Q1", "MEDIUM", OffsetDateTime.now(), null));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        LifecycleTestBeans.reset();
        processEngine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
    }

    // ---- response stage ----

    @Test
    void acceptedRecommendationGetsAnOwnerWhoReportsNextQuarter() {
        ProcessInstance instance = start("home-office");
        Task response = task(TASK_RECORD_RESPONSE, instance);
        assertThat(response).hasCandidateGroup("home-office")
                .hasDueDate(beans.calendar.endOf(RESPONSE_DUE_ON));
        then(shownOn(response)).containsEntry(ProcessVariables.RECOMMENDATION_TEXT,
                "Review the security arrangements.").containsEntry(ProcessVariables.ADDRESSEE_NAME, "the home-office organisation")
                .containsEntry(ProcessVariables.RESPONSE_DUE_ON, "1 March 2027");

        respond(instance, "home-office", ResponseDecision.ACCEPTED, true);

        verify(beans.recommendations).recordResponse(RECOMMENDATION_ID, "home-office",
                new ResponseSubmission(ResponseDecision.ACCEPTED, "The Government accepts this recommendation.", null), "home-office-lead");
        verify(beans.recommendations).changeStatus(RECOMMENDATION_ID, RecommendationStatus.AWAITING_ASSIGNMENT);
        assertThat(instance).isWaitingAt(TASK_ASSIGN_OWNER);
        assertThat(task(TASK_ASSIGN_OWNER, instance)).hasCandidateGroup("secretariat");

        assignOwner(instance, "lfb", "lfb-lead");

        verify(beans.decisions).assignOwner(RECOMMENDATION_ID, new OwnerAssignment("lfb", "lfb-lead", TARGET_DATE), "sec");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens")
                .variables().containsEntry(ProcessVariables.REPORTING_QUARTER, "2027-Q1");
        then(job("IntermediateCatchEvent_ReportingWindowOpens", instance).getDuedate())
                .isEqualTo(beans.calendar.windowOpens(RECOMMENDATION_ID, "2027-Q1"));

        Task update = openUpdateTask(instance, "2027-Q1");
        assertThat(update).isAssignedTo("lfb-lead").hasDueDate(beans.calendar.dueAt(RECOMMENDATION_ID, "2027-Q1"));
        then(candidateGroups(update)).containsExactly("lfb");
        then(groupsThatMayRead(instance)).containsExactlyInAnyOrder("home-office", "lfb");
    }

    @Test
    void partialAcceptanceNeedsReasonsAndLeadsToAssignment() {
        ProcessInstance instance = start("home-office");
        authenticate("home-office-lead");
        complete(instance, TASK_RECORD_RESPONSE, Map.of("decision", "PARTIALLY_ACCEPTED",
                "responseText", "Accepted in part.", "rationale", "Rail stations only."));
        when(beans.recommendations.acceptedInCurrentRound(RECOMMENDATION_ID)).thenReturn(true);
        execute(job(TASK_RECORD_RESPONSE, instance));

        verify(beans.recommendations).recordResponse(RECOMMENDATION_ID, "home-office",
                new ResponseSubmission(ResponseDecision.PARTIALLY_ACCEPTED, "Accepted in part.", "Rail stations only."), "home-office-lead");
        assertThat(instance).isWaitingAt(TASK_ASSIGN_OWNER);
    }

    @Test
    void onlyAMemberOfTheAddresseeMayRespondForIt() {
        ProcessInstance instance = start("home-office");
        authenticate("mps-lead");

        thenThrownBy(() -> complete(instance, TASK_RECORD_RESPONSE, Map.of("decision", "ACCEPTED")))
                .hasRootCauseInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Only a member of home-office");
        verify(beans.recommendations, never()).recordResponse(anyLong(), any(), any(), any());
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE);
    }

    @Test
    void aCompletionIsRefusedWhenTheProcesssValuesNoLongerMatchItsRecommendationOrItsTask() {
        ProcessInstance instance = start("home-office");
        Task response = task(TASK_RECORD_RESPONSE, instance);

        // the addressee the task is for is its candidate group, which no variable changes
        processEngine.getRuntimeService().setVariableLocal(processEngine.getRuntimeService().createExecutionQuery()
                .processInstanceId(instance.getId()).variableValueEquals(ProcessVariables.ADDRESSEE, "home-office").singleResult().getId(),
                ProcessVariables.ADDRESSEE, "mps");
        authenticate("mps-lead");
        thenThrownBy(() -> complete(instance, TASK_RECORD_RESPONSE, Map.of("decision", "ACCEPTED")))
                .hasRootCauseInstanceOf(ForbiddenException.class).hasMessageContaining("Only a member of home-office");
        authenticate("home-office-lead");

        // the recommendation is the one the business key names
        processEngine.getRuntimeService().setVariableLocal(processEngine.getRuntimeService().createExecutionQuery()
                .processInstanceId(instance.getId()).variableValueEquals(ProcessVariables.ADDRESSEE, "mps").singleResult().getId(),
                ProcessVariables.ADDRESSEE, "home-office");
        processEngine.getRuntimeService().setVariable(instance.getId(), ProcessVariables.RECOMMENDATION_ID, OTHER_RECOMMENDATION_ID);
        when(beans.recommendations.get(OTHER_RECOMMENDATION_ID)).thenReturn(new Recommendation(OTHER_RECOMMENDATION_ID, "HARRIS-2016",
                "29", null, "Another organisation's.", RecommendationStatus.AWAITING_RESPONSE, List.of("mps"), null, null, TARGET_DATE,
                RESPONSE_DUE_ON, BankHolidays.ENGLAND_AND_WALES, 1, 0));
        thenThrownBy(() -> processEngine.getTaskService().complete(response.getId(), Map.of("decision", "ACCEPTED")))
                .hasRootCauseInstanceOf(ForbiddenException.class).hasMessageContaining("does not hold its own recommendation");
        verify(beans.recommendations, never()).recordResponse(anyLong(), any(), any(), any());
    }

    @Test
    void notAcceptedByAnyoneGoesToTheBoardToCloseAsNotAccepted() {
        ProcessInstance instance = start("home-office");
        authenticate("home-office-lead");
        complete(instance, TASK_RECORD_RESPONSE, Map.of("decision", "NOT_ACCEPTED", "rationale", "Already covered by law."));
        execute(job(TASK_RECORD_RESPONSE, instance));

        verify(beans.recommendations).changeStatus(RECOMMENDATION_ID, RecommendationStatus.CLOSURE_PROPOSED);
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_CLOSURE)
                .variables().containsEntry(ProcessVariables.CLOSURE_PROPOSAL, "NOT_ACCEPTED");
        assertThat(task(TASK_SIGN_OFF_CLOSURE, instance)).hasCandidateGroup("oversight-board");
        then(shownOn(task(TASK_SIGN_OFF_CLOSURE, instance)))
                .containsEntry(ProcessVariables.CLOSURE_PROPOSAL_IN_WORDS, "Not accepted")
                .containsEntry(ProcessVariables.CURRENT_OWNER, "the lfb organisation");

        signOffClosure(instance, "APPROVE");

        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.NOT_ACCEPTED, ClosureDecision.APPROVE,
                "Reasons accepted.", "board-member");
        assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationClosed");
    }

    /** Five working days to assign an owner, ten for the board's sign-off, counted past Christmas and its substitute bank holidays. */
    @Test
    void theSecretariatsAndTheBoardsTasksAreDueWithinWorkingDaysOfOpening() {
        setClock("2026-12-17T10:00");
        ProcessInstance accepted = start("home-office");
        respond(accepted, "home-office", ResponseDecision.ACCEPTED, true);
        assertThat(task(TASK_ASSIGN_OWNER, accepted)).hasDueDate(londonTime("2026-12-24T17:00"));

        ProcessInstance notAccepted = start("home-office");
        respond(notAccepted, "home-office", ResponseDecision.NOT_ACCEPTED, false);
        assertThat(task(TASK_SIGN_OFF_CLOSURE, notAccepted)).hasDueDate(londonTime("2027-01-05T17:00"));
    }

    @Test
    void twoAddresseesAnsweringDifferentlyEachHaveTheirOwnTask() {
        ProcessInstance instance = start("home-office", "dft");
        List<Task> responses = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_RECORD_RESPONSE).list();
        then(responses).hasSize(2);
        then(responses.stream().map(task -> processEngine.getTaskService().getVariable(task.getId(), ProcessVariables.ADDRESSEE)))
                .containsExactlyInAnyOrder("home-office", "dft");

        respond(instance, "home-office", ResponseDecision.NOT_ACCEPTED, false);
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE);
        respond(instance, "dft", ResponseDecision.ACCEPTED, true);

        verify(beans.recommendations).recordResponse(eq(RECOMMENDATION_ID), eq("home-office"), any(), eq("home-office-lead"));
        verify(beans.recommendations).recordResponse(eq(RECOMMENDATION_ID), eq("dft"), any(), eq("dft-lead"));
        assertThat(instance).isWaitingAt(TASK_ASSIGN_OWNER);
    }

    @Test
    void withoutAddresseesTheSecretariatRecordsTheResponse() {
        ProcessInstance instance = start();
        assertThat(task(TASK_RECORD_RESPONSE, instance)).hasCandidateGroup("secretariat");
    }

    @Test
    void aCoronersAddresseeIsReminded28And7DaysAheadAndTheBoardGetsTheDeadline() {
        reviewOfKind(ReviewKind.PFD_REPORT);
        ProcessInstance instance = start("home-office");
        Date deadline = beans.calendar.endOf(RESPONSE_DUE_ON);

        Job firstReminder = job("BoundaryEvent_ResponseReminderDue", instance);
        then(firstReminder.getDuedate()).isEqualTo(beans.calendar.startOf(LocalDate.of(2027, 2, 1)));
        fire(firstReminder);
        Job lastReminder = job("BoundaryEvent_ResponseReminderDue", instance);
        then(lastReminder.getDuedate()).isEqualTo(beans.calendar.startOf(LocalDate.of(2027, 2, 22)));
        fire(lastReminder);
        verify(beans.reminders).remind(argThat(reminder -> reminder.daysBefore() == 28 && reminder.kind() == ReminderKind.RESPONSE_DUE
                && reminder.recipientGroup().equals("home-office") && reminder.dueAt().toInstant().equals(deadline.toInstant())));
        verify(beans.reminders).remind(argThat(reminder -> reminder.daysBefore() == 7 && reminder.taskId() != null));
        then(processEngine.getManagementService().createJobQuery().activityId("BoundaryEvent_ResponseReminderDue").count()).isZero();
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE);

        Job overdue = job("BoundaryEvent_ResponseOverdue", instance);
        then(overdue.getDuedate()).isEqualTo(deadline);
        fire(overdue);

        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.RESPONSE_OVERDUE, "home-office", "HIGH");
        verify(beans.notifications).toGroups(argThat(notice -> notice.kind() == NoticeKind.OVERDUE), eq(List.of("home-office", "secretariat")));
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE, TASK_REVIEW_ESCALATION);
        Task escalation = task(TASK_REVIEW_ESCALATION, instance);
        assertThat(escalation).hasCandidateGroup("oversight-board");
        then(processEngine.getTaskService().getVariable(escalation.getId(), ProcessVariables.ESCALATION_ID)).isEqualTo(ESCALATION_ID);

        reviewEscalation(instance, Map.of("escalationAction", "DIRECT", "boardComment", "Respond within 14 days."));
        verify(beans.decisions).reviewEscalation(ESCALATION_ID,
                new EscalationReview(EscalationAction.DIRECT, "Respond within 14 days.", null, null), "board-member");
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE).isNotWaitingAt(TASK_REVIEW_ESCALATION);
    }

    @Test
    void aLateResponseToAnOrdinaryReviewIsToldAtOnceAndGoesToTheBoardTwoWeeksOn() {
        ProcessInstance instance = start("home-office");
        Date deadline = beans.calendar.endOf(RESPONSE_DUE_ON);

        fire(job("BoundaryEvent_ResponseOverdue", instance));
        assertThat(instance).hasPassed("EndEvent_AddresseeToldOfOverdue").isNotWaitingAt(TASK_REVIEW_ESCALATION);
        fire(job("BoundaryEvent_ResponseOverdue", instance));
        then(job("BoundaryEvent_ResponseOverdue", instance).getDuedate())
                .as("checked weekly").isEqualTo(Date.from(deadline.toInstant().plus(Duration.ofDays(14))));
        assertThat(instance).isNotWaitingAt(TASK_REVIEW_ESCALATION);
        fire(job("BoundaryEvent_ResponseOverdue", instance));

        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.RESPONSE_OVERDUE, "home-office", "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE, TASK_REVIEW_ESCALATION);
        then(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .decisionDefinitionKey("EscalationPolicy").activityIdIn("BusinessRuleTask_EscalateOverdueResponse").count())
                .as("each weekly check asked the policy, in the model").isEqualTo(3);
    }

    // ---- late from the start: registered or imported with the deadline past, today, or near ----

    @Test
    void aResponseAlreadyOverdueWhenRegisteredIsCheckedAtOnceThenWeeklyFromThere() {
        setClock("2027-03-05T10:00");
        ProcessInstance instance = start("home-office");
        Date dueAtOnce = atOnce();
        String taskId = task(TASK_RECORD_RESPONSE, instance).getId();

        Job reminder = job("BoundaryEvent_ResponseReminderDue", instance);
        then(reminder.getDuedate()).as("both reminders passed").isEqualTo(dueAtOnce);
        fire(reminder);
        verify(beans.reminders, never()).remind(any());

        Job overdue = job("BoundaryEvent_ResponseOverdue", instance);
        then(overdue.getDuedate()).as("at once, not at the next weekly date (8 March)").isEqualTo(dueAtOnce);
        fire(overdue);
        verify(beans.notifications).toGroups(argThat(notice -> notice.kind() == NoticeKind.OVERDUE && taskId.equals(notice.taskId())
                && notice.detail().startsWith("4 days overdue.")), eq(List.of("home-office", "secretariat")));
        then(job("BoundaryEvent_ResponseOverdue", instance).getDuedate()).as("then weekly from there")
                .isEqualTo(Date.from(dueAtOnce.toInstant().plus(Duration.ofDays(7))));
        fire(job("BoundaryEvent_ResponseOverdue", instance));
        assertThat(instance).as("11 days overdue").isNotWaitingAt(TASK_REVIEW_ESCALATION);
        fire(job("BoundaryEvent_ResponseOverdue", instance));
        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.RESPONSE_OVERDUE, "home-office", "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE, TASK_REVIEW_ESCALATION);
        then(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .decisionDefinitionKey("EscalationPolicy").activityIdIn("BusinessRuleTask_EscalateOverdueResponse").count())
                .as("each weekly check asked the policy, in the model").isEqualTo(3);
    }

    @Test
    void aRecommendationRegisteredLongAfterItsDeadlineIsNotRemindedButEscalatedAtOnce() {
        setClock("2027-05-03T10:00");
        ProcessInstance instance = start("home-office");
        Date dueAtOnce = atOnce();

        Job reminder = job("BoundaryEvent_ResponseReminderDue", instance);
        then(reminder.getDuedate()).isEqualTo(dueAtOnce);
        fire(reminder);
        verify(beans.reminders, never()).remind(any());

        Job overdue = job("BoundaryEvent_ResponseOverdue", instance);
        then(overdue.getDuedate()).isEqualTo(dueAtOnce);
        fire(overdue);
        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.RESPONSE_OVERDUE, "home-office", "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE, TASK_REVIEW_ESCALATION);
        then(job("BoundaryEvent_ResponseOverdue", instance)).as("past its six weekly checks, one is enough").isNull();
    }

    @Test
    void aResponseDueTodayIsNotRemindedAndNotOverdueUntilTheEndOfTheDay() {
        setClock("2027-03-01T10:00");
        ProcessInstance instance = start("home-office");

        fire(job("BoundaryEvent_ResponseReminderDue", instance));
        verify(beans.reminders, never()).remind(any());
        then(job("BoundaryEvent_ResponseOverdue", instance).getDuedate()).isEqualTo(beans.calendar.endOf(RESPONSE_DUE_ON));
    }

    @Test
    void aResponseRegisteredWithinTheReminderWindowGetsOnlyTheRemindersStillAhead() {
        setClock("2027-02-15T10:00");
        ProcessInstance instance = start("home-office");

        Job reminder = job("BoundaryEvent_ResponseReminderDue", instance);
        then(reminder.getDuedate()).as("the last, 7 days before; the first (1 February) has passed")
                .isEqualTo(beans.calendar.startOf(LocalDate.of(2027, 2, 22)));
        fire(reminder);
        verify(beans.reminders).remind(argThat(sent -> sent.daysBefore() == 7));
        verify(beans.reminders, times(1)).remind(any());
        then(processEngine.getManagementService().createJobQuery().activityId("BoundaryEvent_ResponseReminderDue").count()).isZero();
    }

    @Test
    void anUpdateAlreadyOverdueWhenItsTaskOpensIsCheckedAtOnceAndNotReminded() {
        ProcessInstance instance = updateTaskOpenedLateAt("2027-04-19T11:00");
        Date dueAtOnce = atOnce();

        fire(job("BoundaryEvent_UpdateReminderDue", instance));
        verify(beans.reminders, never()).remind(any());

        Job overdue = job("BoundaryEvent_UpdateOverdue", instance);
        then(overdue.getDuedate()).isEqualTo(dueAtOnce);
        fire(overdue);
        verify(beans.notifications).toGroups(argThat(notice -> notice.kind() == NoticeKind.OVERDUE
                && notice.headline().equals("Progress update for 2027-Q1 overdue")), eq(List.of("lfb")));
    }

    @Test
    void anUpdateWhoseTaskOpensWithinTheReminderWindowIsNotRemindedOfADatePassed() {
        ProcessInstance instance = updateTaskOpenedLateAt("2027-04-09T11:00");

        Job reminder = job("BoundaryEvent_UpdateReminderDue", instance);
        then(reminder.getDuedate()).isEqualTo(beans.calendar.reminderAt(RECOMMENDATION_ID, "2027-Q1"));
        fire(reminder);
        verify(beans.reminders, never()).remind(any());
        then(job("BoundaryEvent_UpdateOverdue", instance).getDuedate()).isEqualTo(beans.calendar.dueAt(RECOMMENDATION_ID, "2027-Q1"));
    }

    // ---- one clock: the zone's changes and the bank holidays ----

    @Test
    void weeklyChecksStayAtFivePmInLondonAcrossTheClocksGoingBack() {
        reviewOfKind(ReviewKind.PFD_REPORT);
        LocalDate dueOn = LocalDate.of(2027, 10, 22);
        ProcessInstance instance = start(dueOn, "home-office");
        Job overdue = job("BoundaryEvent_ResponseOverdue", instance);
        then(overdue.getDuedate()).as("17:00 British Summer Time").isEqualTo(Date.from(Instant.parse("2027-10-22T16:00:00Z")));
        fire(overdue);
        then(job("BoundaryEvent_ResponseOverdue", instance).getDuedate()).as("a week on, after 31 October: 17:00 GMT")
                .isEqualTo(Date.from(Instant.parse("2027-10-29T16:00:00Z")));
        fire(job("BoundaryEvent_ResponseOverdue", instance));
        then(job("BoundaryEvent_ResponseOverdue", instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-11-05T17:00:00Z")));
    }

    @Test
    void remindersComeAtNineInLondonAcrossTheClocksGoingForwardAndBeforeABankHoliday() {
        LocalDate dueOn = LocalDate.of(2028, 4, 24);
        setClock("2028-01-04T10:00");
        ProcessInstance instance = start(dueOn, "home-office");
        Job first = job("BoundaryEvent_ResponseReminderDue", instance);
        then(first.getDuedate()).as("28 days before, 27 March, in British Summer Time").isEqualTo(Date.from(Instant.parse("2028-03-27T08:00:00Z")));
        fire(first);
        then(job("BoundaryEvent_ResponseReminderDue", instance).getDuedate())
                .as("7 days before is Easter Monday, 17 April: the Thursday before, Good Friday being a holiday too")
                .isEqualTo(Date.from(Instant.parse("2028-04-13T08:00:00Z")));
    }

    @Test
    void nonAcceptanceReturnedByTheBoardGoesBackToTheAddressees() {
        ProcessInstance instance = start("home-office");
        respond(instance, "home-office", ResponseDecision.NOT_ACCEPTED, false);

        signOffClosure(instance, "RETURN");

        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.NOT_ACCEPTED, ClosureDecision.RETURN,
                "Reasons accepted.", "board-member");
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE);
        assertThat(task(TASK_RECORD_RESPONSE, instance)).hasCandidateGroup("home-office");
    }

    // ---- implementation stage ----

    @Test
    void twoYearsOfQuarterlyUpdatesThenClosureAndNothingAfter() {
        ProcessInstance instance = assignedRecommendation();
        String quarter = "2027-Q1";
        for (int i = 0; i < 8; i++) {
            Task update = openUpdateTask(instance, quarter);
            assertThat(update).hasDueDate(beans.calendar.dueAt(RECOMMENDATION_ID, quarter));
            submitUpdate(instance, Map.of("rag", "GREEN", "publicUpdate", "On track.", "proposal", "CONTINUE"));
            quarter = beans.calendar.nextQuarter(RECOMMENDATION_ID, quarter);
            assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens")
                    .variables().containsEntry(ProcessVariables.REPORTING_QUARTER, quarter);
        }
        then(quarter).isEqualTo("2029-Q1");
        openUpdateTask(instance, quarter);
        submitUpdate(instance, Map.of("rag", "GREEN", "publicUpdate", "Training delivered to all officers.",
                "proposal", "PROPOSE_RESOLVED", "evidence", "Training records."));
        verify(beans.recommendations, times(9)).recordProgressUpdate(eq(RECOMMENDATION_ID), any(), eq("lfb-lead"));
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_CLOSURE);

        signOffClosure(instance, "APPROVE");

        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.RESOLVED, ClosureDecision.APPROVE,
                "Reasons accepted.", "board-member");
        assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationClosed");
        then(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_SUBMIT_PROGRESS_UPDATE).count()).isEqualTo(9);
        then(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        then(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aReminderRunADayLateAfterACrashCountsFromWhenItFellDueSoItIsKeptOnce() {
        reviewOfKind(ReviewKind.PFD_REPORT);
        ProcessInstance instance = start("home-office");
        Job firstReminder = job("BoundaryEvent_ResponseReminderDue", instance);

        ClockUtil.setCurrentTime(Date.from(firstReminder.getDuedate().toInstant().plus(Duration.ofDays(1))));
        execute(firstReminder);

        verify(beans.reminders).remind(argThat(reminder -> reminder.daysBefore() == 28));
    }

    @Test
    void ownerIsRemindedThenTheOverdueUpdateGoesToTheBoardWhoReassignIt() {
        ProcessInstance instance = assignedRecommendation();
        Task update = openUpdateTask(instance, "2027-Q1");

        Job reminder = job("BoundaryEvent_UpdateReminderDue", instance);
        then(reminder.getDuedate()).isEqualTo(beans.calendar.reminderAt(RECOMMENDATION_ID, "2027-Q1"));
        fire(reminder);
        verify(beans.reminders).remind(new DueReminder(RECOMMENDATION_ID, ReminderKind.UPDATE_DUE, "lfb", "2027-Q1",
                beans.calendar.dueAt(RECOMMENDATION_ID, "2027-Q1").toInstant().atOffset(ZoneOffset.UTC), 7, "Progress update for 2027-Q1 due", update.getId()));

        fire(job("BoundaryEvent_UpdateOverdue", instance));
        verify(beans.notifications).toGroups(argThat(notice -> notice.kind() == NoticeKind.OVERDUE), eq(List.of("lfb")));
        assertThat(instance).hasPassed("EndEvent_OwnerToldOfOverdue").isNotWaitingAt(TASK_REVIEW_ESCALATION);
        fire(job("BoundaryEvent_UpdateOverdue", instance));
        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.UPDATE_OVERDUE, "2027-Q1", "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_SUBMIT_PROGRESS_UPDATE, TASK_REVIEW_ESCALATION);

        reviewEscalation(instance, Map.of("escalationAction", "REASSIGN", "ownerGroup", "mps",
                "boardComment", "The MPS leads this work now."));

        verify(beans.decisions).reviewEscalation(ESCALATION_ID,
                new EscalationReview(EscalationAction.REASSIGN, "The MPS leads this work now.", "mps", null), "board-member");
        Task moved = processEngine.getTaskService().createTaskQuery().taskId(update.getId()).singleResult();
        assertThat(moved).hasCandidateGroup("mps").isNotAssigned();
        then(processEngine.getTaskService().getIdentityLinksForTask(update.getId()))
                .noneMatch(link -> "lfb".equals(link.getGroupId()));
        assertThat(instance).variables().containsEntry(ProcessVariables.OWNER_GROUP, "mps");
        then(groupsThatMayRead(instance)).as("the addressee keeps its grant; the owner's moves").containsExactlyInAnyOrder("home-office", "mps");
    }

    @ParameterizedTest
    @EnumSource(value = EscalationAction.class, names = {"EXTEND", "NOTE"})
    void theBoardsOtherActionsAreRecordedAndTheOwnersTaskStays(EscalationAction action) {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        fire(job("BoundaryEvent_UpdateOverdue", instance));
        fire(job("BoundaryEvent_UpdateOverdue", instance));

        reviewEscalation(instance, Map.of("escalationAction", action.name(), "targetDate", "2028-12-31"));

        verify(beans.decisions).reviewEscalation(ESCALATION_ID,
                new EscalationReview(action, null, null, LocalDate.of(2028, 12, 31)), "board-member");
        assertThat(instance).isWaitingAt(TASK_SUBMIT_PROGRESS_UPDATE).isNotWaitingAt(TASK_REVIEW_ESCALATION);
        then(candidateGroups(task(TASK_SUBMIT_PROGRESS_UPDATE, instance))).containsExactly("lfb");
    }

    @Test
    void redRatingGoesToTheBoardAndReportingContinues() {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        submitUpdate(instance, Map.of("rag", "RED", "publicUpdate", "Funding withdrawn.",
                "restrictedNote", "Treasury has not agreed the bid.", "proposal", "CONTINUE"));

        verify(beans.escalations).raise(RECOMMENDATION_ID, EscalationReason.RED_RATING, "2027-Q1", "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_REVIEW_ESCALATION, "IntermediateCatchEvent_ReportingWindowOpens")
                .hasPassed("IntermediateThrowEvent_RedRatingEscalated");
    }

    @Test
    void aNewVersionOfTheEscalationPolicyRoutesTheNextEscalation() {
        ProcessInstance instance = assignedRecommendation();
        // the secretariat decides red ratings no longer go to the board
        String newPolicy = processEngine.getRepositoryService().createDeployment()
                .addClasspathResource("policies/escalation-policy-red-not-to-board.dmn").deploy().getId();
        try {
            openUpdateTask(instance, "2027-Q1");
            submitUpdate(instance, Map.of("rag", "RED", "publicUpdate", "Funding withdrawn.", "proposal", "CONTINUE"));
        } finally {
            processEngine.getRepositoryService().deleteDeployment(newPolicy, true);
        }

        assertThat(instance).hasPassed("Gateway_RedRatingToBoard").hasNotPassed("IntermediateThrowEvent_RedRatingEscalated")
                .isNotWaitingAt(TASK_REVIEW_ESCALATION).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens");
        verify(beans.escalations, never()).raise(anyLong(), any(), any(), any());
        verify(beans.notifications).toGroups(argThat(notice -> notice.kind() == NoticeKind.OVERDUE), eq(List.of("secretariat")));
    }

    @Test
    void anApprovedExtensionMovesTheTargetDateAndReportingGoesOn() {
        ProcessInstance instance = requestExtension();
        assertThat(task(TASK_DECIDE_EXTENSION, instance)).hasCandidateGroup("oversight-board");

        completeAs("board-member", instance, TASK_DECIDE_EXTENSION, Map.of("boardDecision", "APPROVE"));

        verify(beans.decisions).decideExtension(RECOMMENDATION_ID, ExtensionDecision.APPROVE, null, "board-member");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens")
                .variables().containsEntry(ProcessVariables.REPORTING_QUARTER, "2027-Q2");
    }

    @Test
    void aRejectedExtensionIsRecordedWithItsReasons() {
        ProcessInstance instance = requestExtension();

        completeAs("board-member", instance, TASK_DECIDE_EXTENSION, Map.of("boardDecision", "REJECT", "boardComment", "The date stands."));

        verify(beans.decisions).decideExtension(RECOMMENDATION_ID, ExtensionDecision.REJECT, "The date stands.", "board-member");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens");
    }

    @Test
    void aClosureReturnedByTheBoardGoesBackToTheOwner() {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        submitUpdate(instance, Map.of("rag", "AMBER", "publicUpdate", "Mostly done.", "proposal", "PROPOSE_RESOLVED"));

        signOffClosure(instance, "RETURN");

        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.RESOLVED, ClosureDecision.RETURN,
                "Reasons accepted.", "board-member");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens")
                .variables().containsEntry(ProcessVariables.REPORTING_QUARTER, "2027-Q2");
    }

    @Test
    void anApprovedTransferEndsTheRecommendationWithoutAssurance() {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        submitUpdate(instance, Map.of("rag", "GREEN", "publicUpdate", "This now sits with the Cabinet Office.",
                "proposal", "PROPOSE_TRANSFER"));

        signOffClosure(instance, "APPROVE");

        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.TRANSFERRED, ClosureDecision.APPROVE,
                "Reasons accepted.", "board-member");
        assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationClosed").hasNotPassed(TASK_ASSURANCE_CHECK);
    }

    @Test
    void resolvedByOtherMeansIsCheckedAgainAYearLaterAndConfirmed() {
        ProcessInstance instance = closedByOtherMeans();

        completeAs("board-member", instance, TASK_ASSURANCE_CHECK, Map.of("assuranceResult", "CONFIRMED"));

        verify(beans.decisions).checkAssurance(RECOMMENDATION_ID, AssuranceResult.CONFIRMED, null, "board-member");
        assertThat(instance).isEnded().hasPassed("EndEvent_ClosureConfirmed");
        // the model's business rule task made the decision, so the history (and Cockpit) ties it to the process
        then(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .decisionDefinitionKey("AssurancePolicy").includeInputs().includeOutputs().list()).singleElement().satisfies(decision -> {
                    then(decision.getActivityId()).isEqualTo("BusinessRuleTask_ApplyAssurancePolicy");
                    then(decision.getInputs()).extracting(input -> input.getValue()).contains("RESOLVED_BY_OTHER_MEANS");
                    then(decision.getOutputs()).extracting(output -> output.getVariableName() + "=" + output.getValue())
                            .contains("checkClosure=true");
                });
    }

    @Test
    void anAssuranceCheckCanReopenTheRecommendationWithItsOwner() {
        ProcessInstance instance = closedByOtherMeans();

        completeAs("board-member", instance, TASK_ASSURANCE_CHECK, Map.of("assuranceResult", "REOPEN", "boardComment", "Only two sites done."));

        verify(beans.decisions).checkAssurance(RECOMMENDATION_ID, AssuranceResult.REOPEN, "Only two sites done.", "board-member");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_ReportingWindowOpens");
        Task update = openUpdateTask(instance, (String) processEngine.getRuntimeService()
                .getVariable(instance.getId(), ProcessVariables.REPORTING_QUARTER));
        then(candidateGroups(update)).containsExactly("lfb");
    }

    // ---- refused submissions ----

    @Test
    void aRefusedSubmissionLeavesTheTaskOpenAndNothingRouted() {
        ProcessInstance instance = start("home-office");
        respond(instance, "home-office", ResponseDecision.NOT_ACCEPTED, false);
        doThrow(new InvalidInputException("boardComment", "is required: every closure decision is recorded with its reasons"))
                .when(beans.decisions).signOffClosure(anyLong(), any(), any(), any(), any());
        Task signOff = task(TASK_SIGN_OFF_CLOSURE, instance);

        authenticate("board-member");
        thenThrownBy(() -> processEngine.getTaskService().complete(signOff.getId(), Map.of("boardDecision", "APPROVE")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("boardComment");

        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_CLOSURE).isNotEnded();
        then(processEngine.getRuntimeService().getVariable(instance.getId(), ProcessVariables.BOARD_DECISION)).isNull();
    }

    @Test
    void aValueOutsideTheFormsChoicesIsRefusedNamingTheField() {
        ProcessInstance instance = start("home-office");
        Task response = task(TASK_RECORD_RESPONSE, instance);

        thenThrownBy(() -> processEngine.getTaskService().complete(response.getId(), Map.of("decision", "MAYBE")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause().hasMessageContaining("decision").hasMessageContaining("MAYBE");

        verify(beans.recommendations, never()).recordResponse(anyLong(), any(), any(), any());
        assertThat(instance).isWaitingAt(TASK_RECORD_RESPONSE);
    }

    // ---- helpers ----

    private ProcessInstance start(String... addressees) {
        return start(RESPONSE_DUE_ON, addressees);
    }

    private ProcessInstance start(LocalDate responseDueOn, String... addressees) {
        when(beans.recommendations.get(RECOMMENDATION_ID)).thenReturn(new Recommendation(RECOMMENDATION_ID,
                "PFD-WESTMINSTER-2018", "MC16", null, "Review the security arrangements.", RecommendationStatus.AWAITING_RESPONSE,
                List.of(addressees), "lfb", null, TARGET_DATE, responseDueOn, BankHolidays.ENGLAND_AND_WALES, 1, 0));
        return processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY,
                Map.of(ProcessVariables.RECOMMENDATION_ID, RECOMMENDATION_ID));
    }

    /** Completes the addressee's response task and its asynchronous continuation. */
    private void respond(ProcessInstance instance, String addressee, ResponseDecision decision, boolean acceptedOverall) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_RECORD_RESPONSE).taskCandidateGroup(addressee).singleResult();
        authenticate(addressee + "-lead");
        processEngine.getTaskService().complete(task.getId(), decision == ResponseDecision.ACCEPTED
                ? Map.of("decision", decision.name(), "responseText", "The Government accepts this recommendation.")
                : Map.of("decision", decision.name(), "rationale", "Covered by existing duties."));
        when(beans.recommendations.acceptedInCurrentRound(RECOMMENDATION_ID)).thenReturn(acceptedOverall);
        execute(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TASK_RECORD_RESPONSE).singleResult());
    }

    private void assignOwner(ProcessInstance instance, String ownerGroup, String ownerUser) {
        completeAs("sec", instance, TASK_ASSIGN_OWNER,
                Map.of("ownerGroup", ownerGroup, "ownerUser", ownerUser, "targetDate", TARGET_DATE.toString()));
    }

    private ProcessInstance assignedRecommendation() {
        ProcessInstance instance = start("home-office");
        respond(instance, "home-office", ResponseDecision.ACCEPTED, true);
        assignOwner(instance, "lfb", "lfb-lead");
        return instance;
    }

    /** An owner's first update task, opened late: the engine was stopped from before its window opened until {@code londonTime}. */
    private ProcessInstance updateTaskOpenedLateAt(String londonTime) {
        ProcessInstance instance = assignedRecommendation();
        Job windowOpens = job("IntermediateCatchEvent_ReportingWindowOpens", instance);
        setClock(londonTime);
        execute(windowOpens);
        assertThat(instance).isWaitingAt(TASK_SUBMIT_PROGRESS_UPDATE);
        return instance;
    }

    /** Moves the clock to the quarter's reporting window and fires its timer. */
    private Task openUpdateTask(ProcessInstance instance, String quarter) {
        assertThat(instance).variables().containsEntry(ProcessVariables.REPORTING_QUARTER, quarter);
        Job windowOpens = job("IntermediateCatchEvent_ReportingWindowOpens", instance);
        then(windowOpens.getDuedate()).isEqualTo(beans.calendar.windowOpens(RECOMMENDATION_ID, quarter));
        ClockUtil.setCurrentTime(windowOpens.getDuedate());
        execute(windowOpens);
        assertThat(instance).isWaitingAt(TASK_SUBMIT_PROGRESS_UPDATE);
        return task(TASK_SUBMIT_PROGRESS_UPDATE, instance);
    }

    private void submitUpdate(ProcessInstance instance, Map<String, Object> fields) {
        completeAs("lfb-lead", instance, TASK_SUBMIT_PROGRESS_UPDATE, fields);
    }

    private ProcessInstance requestExtension() {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        submitUpdate(instance, Map.of("rag", "AMBER", "publicUpdate", "Procurement delayed.",
                "proposal", "REQUEST_EXTENSION", "proposedTargetDate", "2029-03-31"));
        verify(beans.recommendations).recordProgressUpdate(eq(RECOMMENDATION_ID), eq(new ProgressUpdateSubmission(
                "2027-Q1", Rag.AMBER, "Procurement delayed.", null, Proposal.REQUEST_EXTENSION, LocalDate.of(2029, 3, 31), null)),
                eq("lfb-lead"));
        assertThat(instance).isWaitingAt(TASK_DECIDE_EXTENSION);
        return instance;
    }

    private ProcessInstance closedByOtherMeans() {
        ProcessInstance instance = assignedRecommendation();
        openUpdateTask(instance, "2027-Q1");
        submitUpdate(instance, Map.of("rag", "GREEN", "publicUpdate", "Met through the national programme instead.",
                "proposal", "PROPOSE_RESOLVED_OTHER_MEANS", "evidence", "Programme report."));
        signOffClosure(instance, "APPROVE");
        verify(beans.decisions).signOffClosure(RECOMMENDATION_ID, RecommendationStatus.RESOLVED_BY_OTHER_MEANS,
                ClosureDecision.APPROVE, "Reasons accepted.", "board-member");
        Job assuranceDue = job("IntermediateCatchEvent_AssuranceDue", instance);
        // the engine adds P12M in the JVM's time zone
        then(assuranceDue.getDuedate().toInstant()).isEqualTo(
                ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).plusMonths(12).toInstant());
        ClockUtil.setCurrentTime(assuranceDue.getDuedate());
        execute(assuranceDue);
        assertThat(task(TASK_ASSURANCE_CHECK, instance)).hasCandidateGroup("oversight-board");
        return instance;
    }

    private void signOffClosure(ProcessInstance instance, String decision) {
        completeAs("board-member", instance, TASK_SIGN_OFF_CLOSURE, Map.of("boardDecision", decision, "boardComment", "Reasons accepted."));
    }

    private void reviewEscalation(ProcessInstance instance, Map<String, Object> fields) {
        completeAs("board-member", instance, TASK_REVIEW_ESCALATION, fields);
    }

    /** Completes a task as a user, then runs its asynchronous continuation as the job executor would. */
    private void completeAs(String userId, ProcessInstance instance, String taskKey, Map<String, Object> fields) {
        authenticate(userId);
        complete(instance, taskKey, fields);
        execute(job(taskKey, instance));
    }

    private List<String> groupsThatMayRead(ProcessInstance instance) {
        return processEngine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId()).list().stream()
                .filter(authorization -> authorization.isPermissionGranted(Permissions.READ))
                .map(Authorization::getGroupId).toList();
    }

    private List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    /**
     * Runs a job a minute after it fell due, as the job executor would. (At exactly its due time,
     * the engine would schedule a repeating timer's last occurrence once more.)
     */
    private static void fire(Job job) {
        ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
        execute(job);
    }

    private void reviewOfKind(ReviewKind kind) {
        when(beans.reviews.get("PFD-WESTMINSTER-2018")).thenReturn(new Review(1, "PFD-WESTMINSTER-2018",
                "Westminster Bridge inquests: report to prevent future deaths", kind, LocalDate.of(2027, 1, 4), RESPONSE_DUE_ON,
                BankHolidays.ENGLAND_AND_WALES));
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> fields) {
        processEngine.getTaskService().complete(task(taskKey, instance).getId(), fields);
    }

    /** Signs a person in with their one group: {@code sec} the secretariat, {@code board-member} the board, {@code <org>-lead} the organisation. */
    private void authenticate(String userId) {
        String group = switch (userId) {
            case "sec" -> "secretariat";
            case "board-member" -> "oversight-board";
            default -> userId.substring(0, userId.length() - "-lead".length());
        };
        processEngine.getIdentityService().setAuthentication(userId, List.of(group));
    }

    /** When a timer the engine is to run at once falls due: the second after next. */
    private static Date atOnce() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2));
    }

    private static void setClock(String londonTime) {
        ClockUtil.setCurrentTime(londonTime(londonTime));
    }

    private static Date londonTime(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant());
    }

    /** What the task's form shows besides its fields, as the engine's form service adds it when the form is shown. */
    private Map<String, Object> shownOn(Task task) {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> beans.formContext.shownOn(context.getTaskManager().findTaskById(task.getId())));
    }

}
