package org.stocktake.engine.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.stocktake.engine.access.EngineRestSurface.Allowed;
import org.stocktake.security.Roles;

/**
 * The fence in front of the engine's REST API, on both of its doors: {@code /engine-rest} and
 * the webapps' {@code /camunda/api/engine}, which Tasklist uses. An administrator passes; anyone
 * else may make only the calls of {@link EngineRestSurface}, and those only on the conditions it
 * names (a completion carries exactly its form's fields; a claim is for oneself). Runs after the
 * request has been matched to its resource, so the call is known by its template however its
 * path was spelt, and after the door has signed the person in.
 */
@Priority(Priorities.AUTHORIZATION)
public class EngineRestFence implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<ProcessEngine> engine;

    public EngineRestFence(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Authentication person = engine.getObject().getIdentityService().getCurrentAuthentication();
        if (person != null && person.getGroupIds() != null && person.getGroupIds().contains(Roles.CAMUNDA_ADMIN)) {
            return;
        }
        String method = request.getMethod();
        String template = template((ExtendedUriInfo) request.getUriInfo());
        if (person == null) {
            if (!EngineRestSurface.OPEN_TO_ANYONE.contains(method + " " + EngineRestSurface.normalise(template))) {
                request.abortWith(answer(Response.Status.UNAUTHORIZED, "Sign in first."));
            }
            return;
        }
        Optional<Allowed> allowed = EngineRestSurface.allowed(method, template);
        if (allowed.isEmpty()) {
            String why = EngineRestSurface.refusal(template).map(EngineRestSurface.Refused::reason)
                    .orElse("the call is not one Stocktake opens to people who are not administrators");
            request.abortWith(answer(Response.Status.FORBIDDEN, method + " " + EngineRestSurface.normalise(template)
                    + " is for administrators only: " + why + "."));
            return;
        }
        try {
            String refusal = refusal(allowed.get().condition(), request, person);
            if (refusal != null) {
                // what a completion sends is bad input; the other conditions are about who may do it
                request.abortWith(answer(allowed.get().condition() == EngineRestSurface.Condition.FORM_FIELDS_ONLY
                        ? Response.Status.BAD_REQUEST : Response.Status.FORBIDDEN, refusal));
            }
        } catch (UnreadableBody unreadable) {
            request.abortWith(answer(Response.Status.BAD_REQUEST, "The request's body cannot be read as JSON (" + unreadable.getMessage()
                    + "), so it cannot be checked; nothing was done."));
        }
    }

    /**
     * Why an allowed call is refused on its condition, or null when it meets it. A value the
     * condition reads must be absent or text: the engine would turn a number or a boolean into
     * text, so those are refused rather than read as "not given".
     */
    private String refusal(EngineRestSurface.Condition condition, ContainerRequestContext request, Authentication person) throws IOException {
        String self = person.getUserId();
        return switch (condition) {
            case NONE -> null;
            case FORM_FIELDS_ONLY -> fieldsNotOnTheForm(request, pathParameter(request, "id"));
            case FOR_ONESELF -> self.equals(text(body(request), "userId")) ? null
                    : "A task is claimed by the person who will do it: " + self + " may claim it only for " + self + ".";
            case OWN_USER -> self.equals(pathParameter(request, "id")) && absentOr(body(request), "id", self) ? null
                    : "A person may change only their own profile and password.";
            case OWN_USER_QUERY -> self.equals(request.getUriInfo().getQueryParameters().getFirst("userId")) ? null
                    : "A person may ask only for their own groups (userId=" + self + ").";
            case OWN_FILTER -> absentOr(body(request), "owner", self) ? null
                    : "A personal filter belongs to the person saving it: its owner may only be " + self + ".";
        };
    }

    /** The matched resource's template, from the root of the REST API: Jersey lists the templates innermost first. */
    /** The task a call is about, when it is one of a task's own calls ({@code /task/{id}…}, on either door). */
    public static Optional<String> taskOf(ExtendedUriInfo call) {
        String template = EngineRestSurface.normalise(template(call));
        return template.equals("/task/{}") || template.startsWith("/task/{}/")
                ? Optional.ofNullable(call.getPathParameters().getFirst("id")) : Optional.empty();
    }

    static String template(ExtendedUriInfo uriInfo) {
        List<UriTemplate> matched = new ArrayList<>(uriInfo.getMatchedTemplates());
        Collections.reverse(matched);
        StringBuilder template = new StringBuilder();
        matched.forEach(part -> template.append('/').append(part.getTemplate()));
        return template.toString();
    }

    /**
     * Why the variables sent with a completion are refused, or null when they are all fields of the
     * task's form. A task the person cannot see or that is gone is left to the engine, which says so.
     */
    private String fieldsNotOnTheForm(ContainerRequestContext request, String taskId) throws IOException {
        Set<String> sent = new LinkedHashSet<>();
        JsonNode variables = body(request).path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            return "The variables sent must be the form's fields by name; nothing was recorded.";
        }
        variables.fieldNames().forEachRemaining(sent::add);
        if (sent.isEmpty()) {
            return null;
        }
        Optional<Set<String>> fields = formFields(taskId);
        if (fields.isEmpty()) {
            return null;
        }
        sent.removeAll(fields.get());
        if (sent.isEmpty()) {
            return null;
        }
        return "This task's form has no field " + String.join(", ", sent) + ": only "
                + (fields.get().isEmpty() ? "no fields" : String.join(", ", fields.get()))
                + " can be submitted. Nothing was recorded.";
    }

    /** The keys of a task's Camunda Form fields (none for a task without one), if the person can see the task. */
    private Optional<Set<String>> formFields(String taskId) {
        ProcessEngine processEngine = engine.getObject();
        if (processEngine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
            return Optional.empty();
        }
        Set<String> fields = new LinkedHashSet<>();
        try (InputStream form = processEngine.getFormService().getDeployedTaskForm(taskId)) {
            collectKeys(JSON.readTree(form).path("components"), fields);
        } catch (AuthorizationException e) {
            return Optional.empty();
        } catch (ProcessEngineException e) {
            // a task without a deployed Camunda Form has no fields to submit
            return Optional.of(fields);
        } catch (RuntimeException e) {
            // completed by someone else a moment ago (the engine then fails on the task it no longer finds):
            // the call goes on to meet the task gone, and is answered as the race it lost
            if (processEngine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(fields);
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    /**
     * The request's JSON body, read once and put back for the resource. A body that cannot be read
     * whole (not JSON, or beyond the parser's limits) is refused: the engine's own reader might
     * still read the parts it needs, and they would pass unchecked.
     */
    private static JsonNode body(ContainerRequestContext request) throws IOException {
        Object read = request.getProperty(JsonNode.class.getName());
        if (read instanceof JsonNode node) {
            return node;
        }
        byte[] content = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(content));
        JsonNode node;
        try {
            node = content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableBody(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableBody("it is not a JSON object");
        }
        request.setProperty(JsonNode.class.getName(), node);
        return node;
    }

    /** Whether a field is absent (or null), or the given text. */
    private static boolean absentOr(JsonNode body, String field, String expected) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || (value.isTextual() && value.asText().equals(expected));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String pathParameter(ContainerRequestContext request, String name) {
        return request.getUriInfo().getPathParameters().getFirst(name);
    }

    /** A body the fence cannot read whole, and so cannot check. */
    private static final class UnreadableBody extends RuntimeException {

        UnreadableBody(String why) {
            super(why);
        }
    }

    private static Response answer(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", status == Response.Status.BAD_REQUEST ? "InvalidRequestException" : "AccessDenied",
                        "message", message))
                .build();
    }
}
