package org.stocktake.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * How long the lifecycle's steps took, from the engine's history: each response (its task open
 * to done), each assignment of an owner, and each sign-off (registration to the board's last
 * sign-off, which closes the recommendation if the board approved it). Recommendations imported
 * as closed never ran these steps and count in none.
 */
@Service
public class StepTimes {

    public enum Step { RESPONSE, ASSIGNMENT, SIGN_OFF }

    /** One step taken on one recommendation, and how long it took. */
    public record StepTime(Step step, String businessKey, Duration duration) {
    }

    private final HistoryService history;

    StepTimes(HistoryService history) {
        this.history = history;
    }

    /** Every finished step of the recommendations with these business keys. */
    public List<StepTime> of(Collection<String> businessKeys) {
        Set<String> wanted = new HashSet<>(businessKeys);
        Map<String, HistoricProcessInstance> instances = new HashMap<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY).list().stream()
                .filter(instance -> wanted.contains(instance.getBusinessKey()))
                .forEach(instance -> instances.put(instance.getId(), instance));

        List<StepTime> times = new ArrayList<>();
        finished(LifecycleModel.TASK_RECORD_RESPONSE, instances).forEach(task -> times.add(new StepTime(Step.RESPONSE,
                instances.get(task.getProcessInstanceId()).getBusinessKey(), Duration.ofMillis(task.getDurationInMillis()))));
        finished(LifecycleModel.TASK_ASSIGN_OWNER, instances).forEach(task -> times.add(new StepTime(Step.ASSIGNMENT,
                instances.get(task.getProcessInstanceId()).getBusinessKey(), Duration.ofMillis(task.getDurationInMillis()))));
        Map<String, Date> lastSignOff = new HashMap<>();
        finished(LifecycleModel.TASK_SIGN_OFF_CLOSURE, instances).forEach(task ->
                lastSignOff.merge(task.getProcessInstanceId(), task.getEndTime(), (a, b) -> a.after(b) ? a : b));
        lastSignOff.forEach((instanceId, signedOff) -> {
            HistoricProcessInstance instance = instances.get(instanceId);
            times.add(new StepTime(Step.SIGN_OFF, instance.getBusinessKey(),
                    Duration.between(instance.getStartTime().toInstant(), signedOff.toInstant())));
        });
        return times;
    }

    private List<HistoricTaskInstance> finished(String taskKey, Map<String, HistoricProcessInstance> instances) {
        return history.createHistoricTaskInstanceQuery().processDefinitionKey(LifecycleModel.PROCESS_KEY)
                .taskDefinitionKey(taskKey).finished().list().stream()
                .filter(task -> instances.containsKey(task.getProcessInstanceId()) && task.getDurationInMillis() != null)
                .toList();
    }
}
