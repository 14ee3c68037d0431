package org.stocktake.engine.access;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;

/**
 * Every call the engine's REST API declares, read from its JAX-RS annotations: its resource
 * classes, and the sub-resources their locators return, down to each method with an HTTP verb.
 */
final class EngineRestApi {

    /** One call: its HTTP method, its resource template from the engine's root, and what body it takes. */
    record Call(String method, String template, String consumes) {

        /** The call's path with every parameter filled in. */
        String path(String parameter) {
            return template.replaceAll("\\{[^}]*}", parameter);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST", PUT.class, "PUT",
            DELETE.class, "DELETE", OPTIONS.class, "OPTIONS");
    /** Deep enough for the deepest sub-resource (e.g. /process-definition/key/{key}/tenant-id/{tenantId}/...). */
    private static final int MAX_DEPTH = 8;

    private EngineRestApi() {
    }

    /**
     * All calls, in template order, each once: those of the default engine, and the list of engines.
     * (Every other call is also served under {@code /engine/{name}}, the same resource for a named engine.)
     */
    static List<Call> calls() {
        Map<String, Call> calls = new TreeMap<>();
        collect(DefaultProcessEngineRestServiceImpl.class, "", 0, calls);
        Map<String, Call> named = new TreeMap<>();
        collect(NamedProcessEngineRestServiceImpl.class, NamedProcessEngineRestServiceImpl.class.getAnnotation(Path.class).value(), 0, named);
        named.values().stream().filter(call -> !call.template().contains("{")).forEach(call -> calls.put(call.toString(), call));
        return calls.values().stream().sorted(Comparator.comparing(Call::template).thenComparing(Call::method)).toList();
    }

    private static void collect(Class<?> resource, String prefix, int depth, Map<String, Call> calls) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Sub-resources nest deeper than " + MAX_DEPTH + " under " + prefix);
        }
        for (Method method : resource.getMethods()) {
            Optional<Method> declared = declaration(method);
            if (declared.isEmpty()) {
                continue;
            }
            Path path = declared.get().getAnnotation(Path.class);
            String template = (prefix + (path == null ? "" : "/" + path.value())).replaceAll("/+", "/");
            Optional<String> verb = VERBS.entrySet().stream().filter(entry -> declared.get().isAnnotationPresent(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            if (verb.isPresent()) {
                Consumes consumes = declared.get().getAnnotation(Consumes.class);
                calls.put(verb.get() + " " + template, new Call(verb.get(), template, consumes == null ? null : consumes.value()[0]));
            } else if (path != null) {
                collect(method.getReturnType(), template, depth + 1, calls);
            }
        }
    }

    /** The method as its JAX-RS annotations declare it: on the implementation, or on an interface it implements. */
    private static Optional<Method> declaration(Method method) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            types.add(type);
            addInterfaces(type, types);
        }
        for (Class<?> type : types) {
            try {
                Method candidate = type.getMethod(method.getName(), method.getParameterTypes());
                if (isJaxRs(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (NoSuchMethodException e) {
                // not declared on this type
            }
        }
        return Optional.empty();
    }

    private static void addInterfaces(Class<?> type, List<Class<?>> types) {
        for (Class<?> implemented : type.getInterfaces()) {
            types.add(implemented);
            addInterfaces(implemented, types);
        }
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || VERBS.keySet().stream().anyMatch(method::isAnnotationPresent);
    }
}
