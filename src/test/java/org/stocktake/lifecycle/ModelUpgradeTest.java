package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * Recommendations running on the previous released model (kept as a test resource) follow the
 * newest: an instance at every waiting point of the old version (a response, an assignment, the
 * reporting window's timer, an update with its reminder timers, an open escalation, a sign-off,
 * the assurance timer) is moved by {@link ModelUpgrade} and then goes on, timers included.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelUpgradeTest {

    static final String REVIEW = "UPGRADE-2026";
    static final List<String> FORMS = List.of("record-response", "assign-owner", "submit-progress-update", "review-escalation",
            "decide-extension", "sign-off-closure", "assurance-check");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ModelUpgrade upgrade;

    @Test
    void everyWaitingPointOfThePreviousModelMovesToTheNewestAndGoesOn() {
        ProcessDefinition previous = deploy("models/recommendation-lifecycle-previous.bpmn");
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("up-org", "Upgrade organisation").user("up-lead", "up-org").user("up-sec", "secretariat")
                .user("up-board", "oversight-board");
        HttpActor lead = HttpActor.as(http, "up-lead", People.PASSWORD);
        HttpActor secretariat = HttpActor.as(http, "up-sec", People.PASSWORD);
        HttpActor board = HttpActor.as(http, "up-board", People.PASSWORD);
        Journey journey = new Journey(secretariat, admin).review(REVIEW, "REVIEW");

        Map<String, String> waiting = new LinkedHashMap<>();
        secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "1", "text", "Recommendation 1.",
                "addressees", List.of("up-org")));
        waiting.put("1", instanceOf("1"));
        secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "2", "text", "Recommendation 2.",
                "addressees", List.of("up-org")));
        lead.submitForm(taskOf(lead, "2"), Map.of("decision", "ACCEPTED"));
        admin.runAsyncContinuations(instanceOf("2"));
        waiting.put("2", instanceOf("2"));
        waiting.put("3", journey.toReportingWindow(REVIEW, "3", "up-org", lead, null));
        waiting.put("4", journey.toFirstUpdate(REVIEW, "4", "up-org", lead));
        waiting.put("5", submitted(admin, lead, journey.toFirstUpdate(REVIEW, "5", "up-org", lead), "5", Map.of("rag", "RED",
                "publicUpdate", "Funding was refused.", "proposal", "CONTINUE")));
        waiting.put("6", submitted(admin, lead, journey.toFirstUpdate(REVIEW, "6", "up-org", lead), "6", Map.of("rag", "GREEN",
                "publicUpdate", "Done.", "proposal", "PROPOSE_RESOLVED")));
        String otherMeans = submitted(admin, lead, journey.toFirstUpdate(REVIEW, "7", "up-org", lead), "7", Map.of("rag", "GREEN",
                "publicUpdate", "Met by the national programme.", "proposal", "PROPOSE_RESOLVED_OTHER_MEANS"));
        waiting.put("7", submitted(admin, board, otherMeans, "7", Map.of("boardDecision", "APPROVE", "boardComment", "Agreed.")));
        Map<String, List<String>> before = new LinkedHashMap<>();
        waiting.forEach((reference, instance) -> before.put(reference, runtime.getActiveActivityIds(instance)));
        assertThat(before.values()).as("every waiting point of the old model").containsExactly(
                List.of(LifecycleModel.TASK_RECORD_RESPONSE), List.of(LifecycleModel.TASK_ASSIGN_OWNER),
                List.of("IntermediateCatchEvent_ReportingWindowOpens"), List.of(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE),
                before.get("5"), List.of(LifecycleModel.TASK_SIGN_OFF_CLOSURE), List.of("IntermediateCatchEvent_AssuranceDue"));
        assertThat(before.get("5")).contains(LifecycleModel.TASK_REVIEW_ESCALATION);

        ProcessDefinition newest = deploy("bpmn/recommendation-lifecycle.bpmn");
        assertThat(newest.getVersion()).isGreaterThan(previous.getVersion());
        List<ModelUpgrade.Move> moves = upgrade.moveToNewest();
        assertThat(moves).filteredOn(move -> move.from().equals(previous.getId())).singleElement().satisfies(move -> {
            assertThat(move.instances()).isEqualTo(7);
            assertThat(move.problems()).isEmpty();
        });
        assertThat(upgrade.moveToNewest()).as("started once, by one node").isEmpty();
        runBatchJobs();

        waiting.forEach((reference, instance) -> {
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
                    .as("recommendation " + reference).isEqualTo(newest.getId());
            assertThat(runtime.getActiveActivityIds(instance)).as("recommendation " + reference).isEqualTo(before.get(reference));
        });
        assertThat(management.createJobQuery().noRetriesLeft().count()).as("no incident").isZero();

        // and each goes on, on the newest model
        submitted(admin, lead, waiting.get("1"), "1", Map.of("decision", "ACCEPTED"));
        assertThat(runtime.getActiveActivityIds(waiting.get("1"))).containsExactly(LifecycleModel.TASK_ASSIGN_OWNER);
        assertThat(tasks.createTaskQuery().processInstanceId(waiting.get("1")).singleResult().getDueDate())
                .as("a task the newest model gives a due date").isNotNull();
        submitted(admin, secretariat, waiting.get("2"), "2", Map.of("ownerGroup", "up-org", "targetDate", LocalDate.now().plusYears(1).toString()));
        assertThat(runtime.getActiveActivityIds(waiting.get("2"))).containsExactly("IntermediateCatchEvent_ReportingWindowOpens");
        admin.fireTimer(waiting.get("3"), "IntermediateCatchEvent_ReportingWindowOpens");
        assertThat(runtime.getActiveActivityIds(waiting.get("3"))).containsExactly(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE);
        admin.fireTimer(waiting.get("4"), "BoundaryEvent_UpdateReminderDue");
        submitted(admin, lead, waiting.get("4"), "4", Map.of("rag", "GREEN", "publicUpdate", "On track.", "proposal", "CONTINUE"));
        assertThat(runtime.getActiveActivityIds(waiting.get("4"))).containsExactly("IntermediateCatchEvent_ReportingWindowOpens");
        submitted(admin, board, waiting.get("5"), "5", Map.of("escalationAction", "NOTE", "boardComment", "Noted."));
        assertThat(runtime.getActiveActivityIds(waiting.get("5"))).doesNotContain(LifecycleModel.TASK_REVIEW_ESCALATION);
        submitted(admin, board, waiting.get("6"), "6", Map.of("boardDecision", "APPROVE", "boardComment", "Agreed."));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.get("6")).count()).as("closed, not checked again").isZero();
        admin.fireTimer(waiting.get("7"), "IntermediateCatchEvent_AssuranceDue");
        assertThat(runtime.getActiveActivityIds(waiting.get("7"))).containsExactly(LifecycleModel.TASK_ASSURANCE_CHECK);
    }

    /**
     * A version whose waiting point the newest does not have, and {@link ModelUpgrade#MOVED} does
     * not place: its instances are listed and stay where they are, nothing half-moved.
     */
    @Test
    void aVersionThePlanCannotMoveStaysWhereItIs() throws IOException {
        String renamed = new String(new ClassPathResource("models/recommendation-lifecycle-previous.bpmn").getContentAsByteArray(),
                StandardCharsets.UTF_8).replace("IntermediateCatchEvent_ReportingWindowOpens", "IntermediateCatchEvent_WindowOpens");
        DeploymentBuilder variant = repository.createDeployment().name("ModelUpgradeTest renamed")
                .addString("recommendation-lifecycle.bpmn", renamed);
        FORMS.forEach(form -> variant.addClasspathResource("forms/" + form + ".form"));
        ProcessDefinition unmovable = repository.createProcessDefinitionQuery().deploymentId(variant.deploy().getId()).singleResult();
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("up2-org", "Second upgrade organisation").user("up2-lead", "up2-org").user("up2-sec", "secretariat");
        String instance = new Journey(HttpActor.as(http, "up2-sec", People.PASSWORD), admin).review("UPGRADE-RENAMED", "REVIEW")
                .toReportingWindow("UPGRADE-RENAMED", "1", "up2-org", HttpActor.as(http, "up2-lead", People.PASSWORD), null);
        assertThat(runtime.getActiveActivityIds(instance)).containsExactly("IntermediateCatchEvent_WindowOpens");

        deploy("bpmn/recommendation-lifecycle.bpmn");
        assertThat(upgrade.moveToNewest()).filteredOn(move -> move.from().equals(unmovable.getId())).singleElement().satisfies(move -> {
            assertThat(move.batch()).as("nothing started").isNull();
            assertThat(move.problems()).singleElement().asString()
                    .contains("UPGRADE-RENAMED/1 waits at [IntermediateCatchEvent_WindowOpens]", "does not have");
        });
        runBatchJobs();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
                .isEqualTo(unmovable.getId());
        assertThat(runtime.getActiveActivityIds(instance)).containsExactly("IntermediateCatchEvent_WindowOpens");
    }

    private ProcessDefinition deploy(String model) {
        DeploymentBuilder deployment = repository.createDeployment().name("ModelUpgradeTest " + model)
                .addClasspathResource(model);
        FORMS.forEach(form -> deployment.addClasspathResource("forms/" + form + ".form"));
        String deploymentId = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    /** Runs the migration's batch jobs (its seed job, then one job per instance) as the job executors would. */
    private void runBatchJobs() {
        List<Job> jobs;
        int rounds = 0;
        while (!(jobs = management.createJobQuery().executable().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).toList()).isEmpty() && rounds++ < 50) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private String instanceOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(REVIEW + "/" + reference).singleResult().getId();
    }

    private static String taskOf(HttpActor actor, String reference) {
        return (String) actor.tasks(REVIEW + "/" + reference).get(0).get("id");
    }

    /** Completes the actor's task of the recommendation with the form's fields, and runs what follows it. */
    private static String submitted(HttpActor admin, HttpActor actor, String instance, String reference, Map<String, String> fields) {
        assertThat(actor.submitForm(taskOf(actor, reference), fields).getStatusCode()).as(reference + " " + fields)
                .isEqualTo(HttpStatus.NO_CONTENT);
        admin.runAsyncContinuations(instance);
        return instance;
    }
}
