package org.stocktake.lifecycle;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.errors.NotFoundException;
import org.stocktake.oversight.OversightDecisionService;

/**
 * Moves an open task's due date: the secretariat's call, with its reason, recorded in the
 * recommendation's timeline. Nobody moves one through the engine (the engine's REST API refuses
 * it), so what Tasklist's filters and the board pack call due or overdue is never quietly changed.
 * The task's overdue check follows the new date; its reminders stay where the deadline put them.
 */
@Service
class TaskDueDateService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ReportingCalendar calendar;
    private final OversightDecisionService decisions;

    TaskDueDateService(TaskService tasks, RuntimeService runtime, ManagementService management, ReportingCalendar calendar, OversightDecisionService decisions) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.calendar = calendar;
        this.decisions = decisions;
    }

    /** Due at the end of {@code dueOn}; returns the task as it now stands. */
    @Transactional
    Task move(String taskId, LocalDate dueOn, String reason, String by) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        Object recommendationId = task == null ? null : runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.RECOMMENDATION_ID);
        if (recommendationId == null) {
            throw new NotFoundException("There is no open task " + taskId + " of a recommendation");
        }
        LocalDate before = task.getDueDate() == null ? null : calendar.dayOf(task.getDueDate());
        decisions.moveDueDate((Long) recommendationId, task.getName(), before, dueOn, reason, by);
        Date due = calendar.endOf(dueOn);
        tasks.setDueDate(taskId, due);
        if (task.getDueDate() != null) {
            // the overdue check waiting on the task (at the due date, then weekly) moves with it; reminders come before it
            for (Job timer : management.createJobQuery().timers().executionId(task.getExecutionId()).list()) {
                if (timer.getDuedate() != null && !timer.getDuedate().before(task.getDueDate())) {
                    management.setJobDuedate(timer.getId(), due, true);
                }
            }
        }
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }
}
