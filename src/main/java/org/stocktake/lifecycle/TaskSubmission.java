package org.stocktake.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.review.RecommendationService;

/**
 * The fields a person submitted on a task, read with the checks a form makes, because REST callers
 * skip the form. Anything malformed is refused with the field's name, and the task stays open.
 * <p>
 * What a person submits lands in the task's own scope, where the model declares every form field.
 * Ids and routing values are read from the scopes above it, where the process put them, so nothing
 * sent with a completion can stand in for them.
 */
final class TaskSubmission {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmission.class);

    private final DelegateTask task;
    private final RecommendationService recommendations;
    private final Validator validator;
    /** The zone a date picked as a moment is read in: the one clock's. */
    private final ZoneId zone;

    TaskSubmission(DelegateTask task, RecommendationService recommendations, Validator validator, ZoneId zone) {
        this.task = task;
        this.recommendations = recommendations;
        this.validator = validator;
        this.zone = zone;
        // Two completions of one task both claim the recommendation first. The second waits for the
        // first to commit and is refused (its version moved on); or, having come after that commit,
        // finds the task gone. Either way it is refused with 409 before it records anything. What
        // else may change the process meanwhile (a timer) meets the engine's optimistic locking.
        recommendations.claimChange(recommendations.get(recommendationId()));
        if (!stillOpen()) {
            throw new ConflictException(ConflictException.TASK_CHANGED_CONCURRENTLY);
        }
    }

    /** Whether the task is still there as the database now has it, whoever may see it. */
    private boolean stillOpen() {
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        var person = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return task.getProcessEngineServices().getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
        } finally {
            identity.setAuthentication(person);
        }
    }

    /**
     * Refuses the submission unless the person completing the task is a member of the group the
     * process gave it to (the addressee, the owner, the secretariat or the board), and the task is
     * that group's. A grant left over from an earlier owner, or an administrator's, does not make
     * someone that group. Work the engine does by itself, with nobody signed in, is not a person's
     * submission.
     */
    void requireMemberOf(String group) {
        var person = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (person == null) {
            return;
        }
        // the task's candidate groups are the process's to set, never a submission's: a group read
        // from a variable that a submission had managed to change would not be among them
        boolean forThatGroup = task.getCandidates().stream().anyMatch(link -> group != null && group.equals(link.getGroupId()));
        if (!forThatGroup) {
            log.warn("{} completed {} ({}), which is not for {} as the process's values say; refused", person.getUserId(),
                    task.getTaskDefinitionKey(), task.getId(), group);
            throw new ForbiddenException("This task is not for " + group + "; nothing was recorded.");
        }
        if (person.getGroupIds() == null || !person.getGroupIds().contains(group)) {
            log.warn("{} tried to complete {} ({}) for {}, of which they are not a member; refused", person.getUserId(),
                    task.getTaskDefinitionKey(), task.getId(), group);
            throw new ForbiddenException("Only a member of " + group + " may complete this task, and " + person.getUserId()
                    + " is not one; nothing was recorded.");
        }
    }

    /** A value the process keeps on its instance (an id or a routing value), never one from the task's own scope. */
    Object processValue(String name) {
        return task.getExecution().getProcessInstance().getVariableLocal(name);
    }

    /** The group the process gave the task to: for a response, its addressee. */
    String candidateGroup() {
        return task.getCandidates().stream().map(link -> link.getGroupId()).filter(group -> group != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("Task " + task.getId() + " was given to no group"));
    }

    /**
     * The recommendation the process is about, checked against the process's business key (which
     * no variable can change): a process whose id had been changed is refused, not recorded
     * against another recommendation.
     */
    long recommendationId() {
        Object id = task.getExecution() == null ? null
                : task.getExecution().getProcessInstance().getVariableLocal(ProcessVariables.RECOMMENDATION_ID);
        if (id == null) {
            // another completion of this task committed while this one ran, and its process moved on
            throw new ConflictException(ConflictException.TASK_CHANGED_CONCURRENTLY);
        }
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (!recommendations.get((Long) id).businessKey().equals(businessKey)) {
            log.warn("The process {} ({}) names recommendation {}, which is not its own; the completion of {} is refused",
                    task.getProcessInstanceId(), businessKey, id, task.getId());
            throw new ForbiddenException("This task's process does not hold its own recommendation's id; nothing was recorded.");
        }
        return (Long) id;
    }

    /** The text of a field, or null when it is empty. */
    String text(String field) {
        Object value = task.getVariable(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field, "must be text");
        }
        return text.isBlank() ? null : text.strip();
    }

    /** One of an enumeration's names, or null when the field is empty. */
    <E extends Enum<E>> E choice(String field, Class<E> choices) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(choices, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.toString(choices.getEnumConstants()) + ", not " + text);
        }
    }

    /** A date given as an ISO date (what Camunda Forms' date picker sends) or as a Date; null when empty. */
    LocalDate date(String field) {
        Object value = task.getVariable(field);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date written 2027-03-31, not " + text);
        }
    }

    /** What was submitted, once it passes its constraints; every problem is reported with its field. */
    <T> T valid(T submitted) {
        Set<ConstraintViolation<T>> violations = validator.validate(submitted);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        return submitted;
    }

    /** Sets a routing value on the process instance, where the gateways after the task read it. */
    void keep(String name, Object value) {
        task.getExecution().getProcessInstance().setVariable(name, value);
    }

    /** The engine user completing the task: the one authenticated through Tasklist or REST. */
    String submittedBy() {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
