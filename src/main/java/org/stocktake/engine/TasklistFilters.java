package org.stocktake.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.stocktake.lifecycle.ProcessVariables;
import org.stocktake.security.Grants;
import org.stocktake.security.Roles;

/**
 * The filters Tasklist shows down its left side, created at engine start when a filter of that
 * name does not exist yet. An existing one is left as it is, so an administrator's changes in
 * Tasklist survive a restart; deleting it brings back Stocktake's version at the next start.
 * <p>
 * Each filter only narrows what its user may read anyway (the engine's task authorizations), so
 * an organisation's "Overdue" shows its own overdue tasks and the secretariat's shows everyone's.
 * The board's filter is visible to the board alone. Every filter lists the recommendation and its
 * review as columns and the soonest due first.
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {

    static final String MY_TASKS = "My tasks";
    static final String MY_ORGANISATION = "My organisation's tasks";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String OVERDUE = "Overdue";
    static final String AWAITING_BOARD = "Awaiting board decision";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", ProcessVariables.RECOMMENDATION_REFERENCE, "label", "Recommendation"),
            Map.of("name", ProcessVariables.REVIEW_TITLE, "label", "Review"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        createMissing(engine);
    }

    /** Creates the filters that do not exist; calling it again changes nothing. */
    void createMissing(ProcessEngine engine) {
        TaskService tasks = engine.getTaskService();
        create(engine, MY_TASKS, 1, "The tasks assigned to you",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), null);
        create(engine, MY_ORGANISATION, 2, "The tasks of your organisation or role, whoever has claimed them",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), null);
        create(engine, DUE_THIS_WEEK, 3, "Tasks due in the next seven days",
                tasks.createTaskQuery().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"), null);
        create(engine, OVERDUE, 4, "Tasks past their due date",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), null);
        create(engine, AWAITING_BOARD, 5, "EscalationService, extensions, closures and assurance checks for the board",
                tasks.createTaskQuery().taskCandidateGroup(Roles.OVERSIGHT_BOARD).includeAssignedTasks(), Roles.OVERSIGHT_BOARD);
    }

    /** A filter readable by everyone, or by one group only when {@code readableBy} is given. */
    private static void create(ProcessEngine engine, String name, int position, String description, TaskQuery query,
                               String readableBy) {
        FilterService filters = engine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", position);
            properties.put("refresh", true);
            properties.put("variables", COLUMNS);
            filter = filters.newTaskFilter(name)
                    .setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc())
                    .setProperties(properties);
            filters.saveFilter(filter);
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        Grants.grantIfAbsent(authorizations, readableBy, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
