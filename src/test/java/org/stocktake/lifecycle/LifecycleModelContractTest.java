package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stocktake.oversight.AssuranceResult;
import org.stocktake.oversight.ClosureDecision;
import org.stocktake.oversight.EscalationAction;
import org.stocktake.oversight.ExtensionDecision;
import org.stocktake.review.Proposal;
import org.stocktake.review.Rag;
import org.stocktake.review.ResponseDecision;

/**
 * The contract of docs/design.md between the model, its Camunda Forms and the server: each user task's
 * group, form and fields; every field local to its task; every choice a form offers is one the
 * server accepts.
 */
class LifecycleModelContractTest {

    record Contract(String taskKey, String candidateGroups, String form, List<String> fields, List<String> required) {
    }

    static final List<Contract> CONTRACTS = List.of(
            new Contract("Task_RecordResponse", "${addressee}", "record-response",
                    List.of("decision", "responseText", "rationale"), List.of("decision", "rationale")),
            new Contract("Task_AssignOwner", "secretariat", "assign-owner",
                    List.of("ownerGroup", "ownerUser", "targetDate"), List.of("ownerGroup", "targetDate")),
            new Contract("Task_SubmitProgressUpdate", "${ownerGroup}", "submit-progress-update",
                    List.of("rag", "publicUpdate", "restrictedNote", "proposal", "proposedTargetDate", "evidence"),
                    List.of("rag", "publicUpdate", "proposal", "proposedTargetDate")),
            new Contract("Task_ReviewEscalation", "oversight-board", "review-escalation",
                    List.of("escalationAction", "boardComment", "ownerGroup", "targetDate"),
                    List.of("escalationAction", "ownerGroup", "targetDate")),
            new Contract("Task_DecideExtension", "oversight-board", "decide-extension",
                    List.of("boardDecision", "boardComment"), List.of("boardDecision")),
            new Contract("Task_SignOffClosure", "oversight-board", "sign-off-closure",
                    List.of("boardDecision", "boardComment"), List.of("boardDecision", "boardComment")),
            new Contract("Task_AssuranceCheck", "oversight-board", "assurance-check",
                    List.of("assuranceResult", "boardComment"), List.of("assuranceResult")));

    /** The choices the server accepts for each choice field. */
    static final Map<String, List<String>> CHOICES = Map.of(
            "decision", names(ResponseDecision.values()),
            "rag", names(Rag.values()),
            "proposal", names(Proposal.values()),
            "escalationAction", names(EscalationAction.values()),
            "assuranceResult", names(AssuranceResult.values()));

    /** The shared words for the choices that have them: a form's label starts with them (a rating may say more). */
    static final Map<String, List<String>> LABELS = Map.of(
            "decision", Arrays.stream(ResponseDecision.values()).map(ResponseDecision::label).toList(),
            "rag", Arrays.stream(Rag.values()).map(Rag::label).toList(),
            "proposal", Arrays.stream(Proposal.values()).map(Proposal::label).toList());

    static final BpmnModelInstance MODEL = Bpmn.readModelFromStream(resource("bpmn/recommendation-lifecycle.bpmn"));
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyUserTaskIsUnderContractAndEveryProcessHasAHistoryTimeToLive() {
        assertThat(MODEL.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactlyInAnyOrderElementsOf(CONTRACTS.stream().map(Contract::taskKey).toList());
        assertThat(MODEL.getModelElementsByType(Process.class))
                .allSatisfy(process -> assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theTaskGoesToItsGroupWithItsFormAndADueDateAndEndsItsTransaction(Contract contract) {
        UserTask task = MODEL.getModelElementById(contract.taskKey());
        assertThat(task.getCamundaCandidateGroups()).isEqualTo(contract.candidateGroups());
        assertThat(task.getCamundaFormRef()).isEqualTo(contract.form());
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(task.getCamundaDueDate()).as("every task shows as due and overdue in Tasklist").isNotBlank();
        assertThat(task.isCamundaAsyncAfter()).as("the owner's completion commits before the process moves on").isTrue();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theFormSubmitsExactlyTheContractsFieldsAndMarksTheRequiredOnes(Contract contract) throws IOException {
        JsonNode form = JSON.readTree(resource("forms/" + contract.form() + ".form"));
        assertThat(form.get("id").asText()).isEqualTo(contract.form());
        List<JsonNode> fields = components(form).stream().filter(component -> component.has("key")).toList();

        assertThat(fields).extracting(field -> field.get("key").asText()).containsExactlyInAnyOrderElementsOf(contract.fields());
        assertThat(fields).filteredOn(field -> field.path("validate").path("required").asBoolean())
                .extracting(field -> field.get("key").asText()).containsExactlyInAnyOrderElementsOf(contract.required());
        fields.stream().filter(field -> CHOICES.containsKey(field.get("key").asText())).forEach(field ->
                assertThat(values(field)).as("choices of " + field.get("key")).containsExactlyElementsOf(CHOICES.get(field.get("key").asText())));
        fields.stream().filter(field -> LABELS.containsKey(field.get("key").asText())).forEach(field ->
                assertThat(labels(field)).as("the words for " + field.get("key") + ", as every page says them")
                        .zipSatisfy(LABELS.get(field.get("key").asText()), (shown, label) -> assertThat(shown).startsWith(label)));
        fields.stream().filter(field -> field.get("key").asText().equals("boardDecision")).forEach(field ->
                assertThat(values(field)).isSubsetOf(names(ExtensionDecision.values(), ClosureDecision.values())));
    }

    /** Camunda 7's form engine has no file picker: the forms of the tasks that come with evidence link to its page. */
    @Test
    void theFormsThatComeWithEvidenceLinkToTheEvidencePage() throws IOException {
        for (String form : List.of("submit-progress-update", "sign-off-closure", "assurance-check")) {
            assertThat(components(JSON.readTree(resource("forms/" + form + ".form")))).as(form)
                    .filteredOn(component -> "Text_EvidenceFiles".equals(component.path("id").asText())).singleElement()
                    .satisfies(text -> assertThat(text.get("text").asText()).contains("](/reports/reviews/{{recommendationReference}}/evidence)"));
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everySubmittedFieldIsLocalToItsTaskSoNoneReachesTheProcess(Contract contract) {
        UserTask task = MODEL.getModelElementById(contract.taskKey());
        Collection<CamundaInputParameter> inputs = task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaInputOutput.class).singleResult()
                .getCamundaInputParameters();
        assertThat(inputs).extracting(CamundaInputParameter::getCamundaName).containsAll(contract.fields());
    }

    static List<Contract> contracts() {
        return CONTRACTS;
    }

    private static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false).toList();
    }

    private static List<String> values(JsonNode field) {
        return StreamSupport.stream(field.get("values").spliterator(), false).map(value -> value.get("value").asText()).toList();
    }

    private static List<String> labels(JsonNode field) {
        return StreamSupport.stream(field.get("values").spliterator(), false).map(value -> value.get("label").asText()).toList();
    }

    private static List<String> names(Enum<?>[]... enums) {
        return Arrays.stream(enums).flatMap(Arrays::stream).map(Enum::name).distinct().collect(Collectors.toList());
    }

    private static InputStream resource(String path) {
        InputStream stream = LifecycleModelContractTest.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("Not on the classpath: " + path);
        }
        return stream;
    }
}
