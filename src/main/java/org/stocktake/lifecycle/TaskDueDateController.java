package org.stocktake.lifecycle;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.security.CurrentUser;

/**
 * {@code PUT /api/tasks/{taskId}/due-date} with {@code {"dueOn": "2027-03-31", "reason": "..."}}:
 * the secretariat moves an open task's due date, with its reason (see {@link TaskDueDateService}).
 */
@RestController
class TaskDueDateController {

    record DueDateChange(LocalDate dueOn, String reason) {
    }

    record TaskDue(String taskId, String name, Date due) {
    }

    private final TaskDueDateService dueDates;
    private final CurrentUser currentUser;

    TaskDueDateController(TaskDueDateService dueDates, CurrentUser currentUser) {
        this.dueDates = dueDates;
        this.currentUser = currentUser;
    }

    @PutMapping("/api/tasks/{taskId}/due-date")
    TaskDue move(@PathVariable String taskId, @RequestBody DueDateChange change) {
        Task task = dueDates.move(taskId, change.dueOn(), change.reason(), currentUser.id());
        return new TaskDue(task.getId(), task.getName(), task.getDueDate());
    }
}
