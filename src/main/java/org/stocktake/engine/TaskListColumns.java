package org.stocktake.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.HalVariableValue;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.stocktake.lifecycle.FormContext;

/**
 * Tasklist lists each task with the columns its filter names (TasklistFilters: the recommendation
 * and its review). Those are not task variables: they are added here to a filter's list as it is
 * sent, read from our tables ({@link FormContext#listed}), beside whatever variables the engine
 * found. Only the tasks the engine has already listed for the caller are looked up, and only the
 * columns the filter names are added.
 */
final class TaskListColumns implements ContainerResponseFilter {

    private static final String FILTER_ID = "id";

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<FormContext> context;

    TaskListColumns(ObjectProvider<ProcessEngine> engine, ObjectProvider<FormContext> context) {
        this.engine = engine;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<HalTask> tasks = tasksIn(response.getEntity());
        String filterId = request.getUriInfo().getPathParameters().getFirst(FILTER_ID);
        if (tasks.isEmpty() || filterId == null || !request.getUriInfo().getPath().contains("filter/")) {
            return;
        }
        Set<String> asked = columnsOf(filterId);
        if (asked.isEmpty()) {
            return;
        }
        Set<String> instanceIds = tasks.stream().map(HalTask::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return;
        }
        Map<String, String> businessKeys = AsTheApplication.lookUp(engine.getObject(), processEngine ->
                processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(instance -> instance.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
        Map<String, Map<String, Object>> columns = context.getObject().listed(businessKeys.values());
        for (HalTask task : tasks) {
            Map<String, Object> shown = columns.getOrDefault(businessKeys.get(task.getProcessInstanceId()), Map.of());
            addColumns(task, shown, asked);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<HalTask> tasksIn(Object entity) {
        if (entity instanceof HalTaskList list && list.getEmbedded("task") instanceof List<?> tasks) {
            return (List<HalTask>) tasks;
        }
        return entity instanceof HalTask task ? List.of(task) : List.of();
    }

    /** The variables the filter lists, as the caller reads the filter (the engine has just let them). */
    @SuppressWarnings("unchecked")
    private Set<String> columnsOf(String filterId) {
        Filter filter = engine.getObject().getFilterService().getFilter(filterId);
        Object variables = filter == null ? null : filter.getProperties().get("variables");
        if (!(variables instanceof Collection<?> listed)) {
            return Set.of();
        }
        return listed.stream().filter(Map.class::isInstance).map(column -> ((Map<String, Object>) column).get("name"))
                .filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static void addColumns(HalTask task, Map<String, Object> shown, Set<String> asked) {
        Object embedded = task.getEmbedded("variable");
        List<HalResource<?>> variables = embedded instanceof List<?> found ? new ArrayList<>((List<HalResource<?>>) found) : new ArrayList<>();
        Set<String> present = variables.stream().filter(HalVariableValue.class::isInstance).map(HalVariableValue.class::cast)
                .map(HalVariableValue::getName).collect(Collectors.toSet());
        shown.forEach((name, value) -> {
            if (asked.contains(name) && !present.contains(name)) {
                variables.add(new Shown(name, value));
            }
        });
        task.addEmbedded("variable", variables);
    }

    /** A column's value as Tasklist reads a variable's: its name, a string, no links. */
    static final class Shown extends HalVariableValue {

        Shown(String name, Object value) {
            this.name = name;
            this.value = value;
            this.type = "String";
            this.valueInfo = Map.of();
        }
    }
}
