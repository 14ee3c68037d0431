package org.stocktake.lifecycle;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The user task a boundary timer's step belongs to: the open task of its key, for the group it waits on. */
final class TimedTask {

    private TimedTask() {
    }

    static Optional<Task> of(DelegateExecution execution, String taskKey, String candidateGroup) {
        return Optional.ofNullable(execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .taskCandidateGroup(candidateGroup).includeAssignedTasks()
                .singleResult());
    }
}
