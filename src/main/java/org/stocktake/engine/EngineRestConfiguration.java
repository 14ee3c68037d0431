package org.stocktake.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.stocktake.engine.access.EngineRestFence;
import org.stocktake.engine.access.QueryExpressions;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.lifecycle.FormContext;

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

    /** {@code /engine-rest} signs people in with HTTP Basic against the engine's users, so its authorizations apply to every call. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
        return registration;
    }

    @Bean
    CamundaJerseyResourceConfig engineRestResources(ObjectProvider<ProcessEngine> engine, ObjectProvider<FormContext> formContext) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerFencedConfiguration(this, engine, formContext);
            }
        };
    }

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(ObjectProvider<ProcessEngine> engine, ObjectProvider<FormContext> formContext,
                                                              @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        ResourceConfig resources = new ResourceConfig();
        // the webapps serve named engines only, as Camunda's own EngineRestApplication does
        resources.register(NamedProcessEngineRestServiceImpl.class);
        registerFencedConfiguration(resources, engine, formContext);
        ServletRegistrationBean<ServletContainer> registration =
                new ServletRegistrationBean<>(new ServletContainer(resources), webappPath + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Camunda's configuration classes with one exception mapper, ours, in place of its three, and the fence. */
    private static void registerFencedConfiguration(ResourceConfig resources, ObjectProvider<ProcessEngine> engine,
                                                    ObjectProvider<FormContext> formContext) {
        resources.registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                .filter(type -> type != RestExceptionHandler.class && type != ProcessEngineExceptionHandler.class
                        && type != ExceptionHandler.class)
                .collect(Collectors.toSet()));
        resources.register(JacksonFeature.class);
        resources.register(new RefusalMapper(new TaskGone(engine)));
        resources.register(new EngineRestFence(engine));
        resources.register(new TaskListColumns(engine, formContext));
    }

    /**
     * What went wrong in a call, said as our API says it, wherever in the chain of causes the
     * reason is, and by the exception's type alone: a refused field or expression is 400; a person
     * who may not do it 403; a task someone else completed or changed at the same moment (the
     * engine's optimistic locking, or the recommendation's version, found it) 409. A call that
     * failed on a task no longer open lost a race, whatever the engine tripped over: that is told
     * by asking the engine about the task the call names, not by reading its message. The
     * transaction has rolled back, so nothing of the refused request is kept.
     * Anything else is answered as the engine's own handler answers it.
     */
    static class RefusalMapper implements ExceptionMapper<Throwable> {

        private final TaskGone taskGone;
        @Context
        private ExtendedUriInfo request;

        RefusalMapper(TaskGone taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(Throwable exception) {
            return refusal(exception, taskGone, () -> EngineRestFence.taskOf(request))
                    .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }
    }

    static Optional<Response> refusal(Throwable exception, TaskGone taskGone, Supplier<Optional<String>> taskNamed) {
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
                // a task completed by someone else while this call was on its way took its grants with it
                Optional<Response> lostRace = refused.getMissingAuthorizations().stream()
                        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()) && missing.getResourceId() != null)
                        .map(missing -> taskGone.completedBefore(missing.getResourceId()))
                        .flatMap(Optional::stream)
                        .findFirst();
                return Optional.of(lostRace.orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(refused)));
            }
        }
        // whatever the engine tripped over (the task not found, or an execution another completion
        // ended while this call read it), a call on a task that is no longer open lost a race
        return taskNamed.get().flatMap(taskGone::unlessOpen);
    }

    static Response answer(Response.Status status, Class<?> type, String message) {
        ExceptionDto body = new ExceptionDto();
        body.setType(type.getSimpleName());
        body.setMessage(message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
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

        /** The task as the engine now has it: open or not, and its history. */
        private record Seen(HistoricTaskInstance task, boolean stillOpen, Set<String> candidates) {
        }

        /** The lost race, if that is what it was; empty otherwise, and the engine's own answer stands. */
        Optional<Response> completedBefore(String taskId) {
            return lostRace(seen(taskId));
        }

        /**
         * For a call that failed on a task: nothing while the task is open (the engine's own answer
         * stands); otherwise the lost race, or that there is no such task, which is all a person the
         * task was never for learns.
         */
        Optional<Response> unlessOpen(String taskId) {
            Seen seen = seen(taskId);
            return seen.stillOpen() ? Optional.empty() : Optional.of(lostRace(seen).orElseGet(() ->
                    answer(Response.Status.NOT_FOUND, NullValueException.class, "There is no task " + taskId + ".")));
        }

        private Seen seen(String taskId) {
            return asTheApplication(processEngine -> new Seen(
                    processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult(),
                    processEngine.getTaskService().createTaskQuery().taskId(taskId).count() > 0,
                    processEngine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId)
                            .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
                            .filter(Objects::nonNull).collect(Collectors.toSet())));
        }

        private Optional<Response> lostRace(Seen seen) {
            Authentication caller = engine.getObject().getIdentityService().getCurrentAuthentication();
            HistoricTaskInstance task = seen.task();
            if (task == null || seen.stillOpen() || !wasFor(task, seen.candidates(), caller)) {
                return Optional.empty();
            }
            String when = task.getEndTime() == null ? "a moment ago" : "at " + task.getEndTime().toInstant();
            return Optional.of(answer(Response.Status.CONFLICT, ConflictException.class, "This task was completed"
                    + (task.getAssignee() == null ? "" : " by " + task.getAssignee()) + " " + when
                    + ", before this submission; nothing of this submission was saved. Reload the task list."));
        }

        /** Looked up as the application, not as the caller, whose grants went with the task. */
        private <T> T asTheApplication(Function<ProcessEngine, T> lookUp) {
            return AsTheApplication.lookUp(engine.getObject(), lookUp);
        }

        /** Whether the task was for the caller: one of its groups' or assigned to them. Anyone, when no one is signed in. */
        private static boolean wasFor(HistoricTaskInstance task, Set<String> candidates, Authentication caller) {
            return caller == null || caller.getUserId().equals(task.getAssignee())
                    || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(candidates::contains));
        }
    }
}
