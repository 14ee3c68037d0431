package org.stocktake.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.stocktake.security.EngineRestFence;
import org.stocktake.security.QueryExpressions;
import org.stocktake.web.ConflictException;
import org.stocktake.web.ForbiddenException;
import org.stocktake.web.InvalidInputException;

/**
 * The engine's REST API on its two doors: {@code /engine-rest} for scripts (HTTP Basic), and the
 * webapps' {@code /camunda/api/engine}, which Tasklist calls with its session. Both serve the same
 * resources through the same fence ({@link EngineRestFence}: what each person may call) and say
 * what went wrong the same way: a refused field is 400 with the field's name, a person who may
 * not complete a task 403, and a race with another person 409, instead of 500. The engine wraps
 * every listener exception, so its own mappers would call bad input or a lost race a server error.
 * <p>
 * The webapps' door is Camunda's own engine API servlet, registered here under its name before
 * the webapps' initializer runs, which then leaves it in place.
 */
@Configuration
@ConditionalOnWebApplication
class EngineRestConfiguration {

    /** The name Camunda's webapp initializer registers its engine API servlet under. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    /** The engine's words when a task is gone: completed by someone else first, or never there. */
    private static final Pattern TASK_GONE = Pattern.compile("Cannot find task with id (\\S+): task is null");

    @Bean
    CamundaJerseyResourceConfig engineRestResources(ObjectProvider<ProcessEngine> engine) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerFencedConfiguration(this, engine);
            }
        };
    }

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(ObjectProvider<ProcessEngine> engine,
                                                              @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        ResourceConfig resources = new ResourceConfig();
        // the webapps serve named engines only, as Camunda's own EngineRestApplication does
        resources.register(NamedProcessEngineRestServiceImpl.class);
        registerFencedConfiguration(resources, engine);
        ServletRegistrationBean<ServletContainer> registration =
                new ServletRegistrationBean<>(new ServletContainer(resources), webappPath + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Camunda's configuration classes, with our exception mappers in place of two of its own, and the fence. */
    private static void registerFencedConfiguration(ResourceConfig resources, ObjectProvider<ProcessEngine> engine) {
        resources.registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                .filter(type -> type != RestExceptionHandler.class && type != ProcessEngineExceptionHandler.class)
                .collect(Collectors.toSet()));
        resources.register(JacksonFeature.class);
        TaskGone taskGone = new TaskGone(engine);
        resources.register(new RefusedSubmissionMapper(taskGone));
        resources.register(new RefusedEngineCallMapper(taskGone));
        resources.register(new LostRaceAuthorizationMapper(taskGone));
        resources.register(new EngineRestFence(engine));
    }

    /**
     * What went wrong in a call, said as our API says it, wherever in the chain of causes the
     * reason is: a refused field or expression is 400; a person who may not do it 403; a task
     * someone else completed or changed at the same moment, or a recommendation changed under it,
     * 409. The transaction has rolled back, so nothing of the refused request is kept.
     */
    static Optional<Response> refusal(Throwable exception, TaskGone taskGone) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return Optional.of(answer(Response.Status.BAD_REQUEST, InvalidInputException.class, invalid.getMessage()));
            }
            if (cause instanceof QueryExpressions.RefusedExpressionException refused) {
                return Optional.of(answer(Response.Status.BAD_REQUEST, refused.getClass(), refused.getMessage()));
            }
            if (cause instanceof ForbiddenException forbidden) {
                return Optional.of(answer(Response.Status.FORBIDDEN, ForbiddenException.class, forbidden.getMessage()));
            }
            if (cause instanceof ConflictException conflict) {
                return Optional.of(answer(Response.Status.CONFLICT, ConflictException.class, conflict.getMessage()));
            }
            if (cause instanceof OptimisticLockingException) {
                return Optional.of(answer(Response.Status.CONFLICT, OptimisticLockingException.class, ConflictException.TASK_CHANGED_CONCURRENTLY));
            }
            if (cause instanceof AuthorizationException refused) {
                return Optional.of(LostRaceAuthorizationMapper.lostRace(refused, taskGone)
                        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(refused)));
            }
            Matcher gone = cause instanceof NullValueException && cause.getMessage() != null
                    ? TASK_GONE.matcher(cause.getMessage()) : null;
            if (gone != null && gone.find()) {
                return Optional.of(taskGone.completedBefore(gone.group(1))
                        .orElseGet(() -> answer(Response.Status.NOT_FOUND, NullValueException.class, "There is no task " + gone.group(1) + ".")));
            }
        }
        return Optional.empty();
    }

    static Response answer(Response.Status status, Class<?> type, String message) {
        ExceptionDto body = new ExceptionDto();
        body.setType(type.getSimpleName());
        body.setMessage(message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Says a failure of type {@code E} as {@link #refusal} does, and as the engine's own handler otherwise. */
    abstract static class RefusalMapper<E extends Throwable> implements ExceptionMapper<E> {

        private final TaskGone taskGone;

        RefusalMapper(TaskGone taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(E exception) {
            return refusal(exception, taskGone).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }
    }

    /** A failure the REST layer wrapped (a task's completion, for one). */
    static class RefusedSubmissionMapper extends RefusalMapper<RestException> {

        RefusedSubmissionMapper(TaskGone taskGone) {
            super(taskGone);
        }
    }

    /** A failure straight from the engine (a query whose expression was refused as it ran, for one). */
    static class RefusedEngineCallMapper extends RefusalMapper<ProcessEngineException> {

        RefusedEngineCallMapper(TaskGone taskGone) {
            super(taskGone);
        }
    }

    /**
     * A task that is no longer open but is in the history was completed by someone else: the
     * answer that says so, by whom and when, to a person the task was for. A task still open, one
     * the engine never had, or one that was never the caller's is not a race: the caller gets the
     * engine's own answer, which tells them nothing about a task that is not theirs.
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
            Set<String> candidates;
            try {
                task = processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
                stillOpen = processEngine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
                candidates = processEngine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId)
                        .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
                        .filter(Objects::nonNull).collect(Collectors.toSet());
            } finally {
                processEngine.getIdentityService().setAuthentication(caller);
            }
            if (task == null || stillOpen || !wasFor(task, candidates, caller)) {
                return Optional.empty();
            }
            String when = task.getEndTime() == null ? "a moment ago" : "at " + task.getEndTime().toInstant();
            return Optional.of(answer(Response.Status.CONFLICT, ConflictException.class, "This task was completed"
                    + (task.getAssignee() == null ? "" : " by " + task.getAssignee()) + " " + when
                    + ", before this submission; nothing of this submission was saved. Reload the task list."));
        }

        /** Whether the task was for the caller: one of its groups' or assigned to them. Anyone, when no one is signed in. */
        private static boolean wasFor(HistoricTaskInstance task, Set<String> candidates, Authentication caller) {
            return caller == null || caller.getUserId().equals(task.getAssignee())
                    || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(candidates::contains));
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
