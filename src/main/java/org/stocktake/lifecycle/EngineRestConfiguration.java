package org.stocktake.lifecycle;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stocktake.web.ConflictException;
import org.stocktake.web.InvalidInputException;

/**
 * The engine REST API as Camunda ships it, except for what a task submission can run into: a
 * field our listeners refuse answers 400 with the field's name, and a race with another person
 * 409, instead of 500. The engine wraps every listener exception, so its own mapper would call
 * bad input or a lost race a server error.
 */
@Configuration
@ConditionalOnWebApplication
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources(ObjectProvider<ProcessEngine> engine) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
                        .filter(type -> type != RestExceptionHandler.class)
                        .collect(Collectors.toSet());
                registerClasses(configuration);
                register(JacksonFeature.class);
                TaskGone taskGone = new TaskGone(engine);
                register(new RefusedSubmissionMapper(taskGone));
                register(new LostRaceAuthorizationMapper(taskGone));
            }
        };
    }

    /**
     * What went wrong in a task's completion, said as our API says it: a refused field is 400; a
     * task someone else completed or changed at the same moment, or a recommendation changed
     * under it, is 409. The transaction has rolled back, so nothing of the losing request is kept.
     */
    static class RefusedSubmissionMapper implements ExceptionMapper<RestException> {

        static final String CHANGED_CONCURRENTLY = "Someone else completed or changed this task at the same moment;"
                + " nothing of this submission was saved. Reload the task list.";
        /** The engine's words when a task is gone: completed by someone else first, or never there. */
        private static final Pattern TASK_GONE = Pattern.compile("Cannot find task with id (\\S+): task is null");

        private final TaskGone taskGone;

        RefusedSubmissionMapper(TaskGone taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return answer(Response.Status.BAD_REQUEST, InvalidInputException.class, invalid.getMessage());
                }
                if (cause instanceof ConflictException conflict) {
                    return answer(Response.Status.CONFLICT, ConflictException.class, conflict.getMessage());
                }
                if (cause instanceof OptimisticLockingException) {
                    return answer(Response.Status.CONFLICT, OptimisticLockingException.class, CHANGED_CONCURRENTLY);
                }
                if (cause instanceof AuthorizationException refused) {
                    return LostRaceAuthorizationMapper.lostRace(refused, taskGone).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(refused));
                }
                Matcher gone = cause instanceof NullValueException && cause.getMessage() != null
                        ? TASK_GONE.matcher(cause.getMessage()) : null;
                if (gone != null && gone.find()) {
                    return taskGone.completedBefore(gone.group(1))
                            .orElseGet(() -> answer(Response.Status.NOT_FOUND, NullValueException.class, "There is no task " + gone.group(1) + "."));
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }

        static Response answer(Response.Status status, Class<?> type, String message) {
            ExceptionDto body = new ExceptionDto();
            body.setType(type.getSimpleName());
            body.setMessage(message);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    /**
     * A task that is no longer open but is in the history was completed by someone else: the
     * answer that says so, by whom and when. A task still open, or one the engine never had, is
     * not a race.
     */
    static final class TaskGone {

        private final ObjectProvider<ProcessEngine> engine;

        TaskGone(ObjectProvider<ProcessEngine> engine) {
            this.engine = engine;
        }

        Optional<Response> completedBefore(String taskId) {
            ProcessEngine processEngine = engine.getObject();
            // looked up as the application, not as the caller, whose grants went with the task
            Authentication caller = processEngine.getIdentityService().getCurrentAuthentication();
            processEngine.getIdentityService().clearAuthentication();
            HistoricTaskInstance task;
            boolean stillOpen;
            try {
                task = processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
                stillOpen = processEngine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
            } finally {
                processEngine.getIdentityService().setAuthentication(caller);
            }
            if (task == null || stillOpen) {
                return Optional.empty();
            }
            String when = task.getEndTime() == null ? "a moment ago" : "at " + task.getEndTime().toInstant();
            return Optional.of(RefusedSubmissionMapper.answer(Response.Status.CONFLICT, ConflictException.class, "This task was completed"
                    + (task.getAssignee() == null ? "" : " by " + task.getAssignee()) + " " + when
                    + ", before this submission; nothing of this submission was saved. Reload the task list."));
        }
    }

    /**
     * A task completed by someone else while this request was on its way loses its grants with it:
     * what would be a 403 is said as the lost race it is. Any other refusal stays the engine's 403.
     */
    static class LostRaceAuthorizationMapper implements ExceptionMapper<AuthorizationException> {

        private final TaskGone taskGone;

        LostRaceAuthorizationMapper(TaskGone taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(AuthorizationException exception) {
            return lostRace(exception, taskGone).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }

        /** The 409 for a refusal on a task that someone else has just completed, if that is what it was. */
        static Optional<Response> lostRace(AuthorizationException exception, TaskGone taskGone) {
            return exception.getMissingAuthorizations().stream()
                    .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()) && missing.getResourceId() != null)
                    .map(missing -> taskGone.completedBefore(missing.getResourceId()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
    }
}
