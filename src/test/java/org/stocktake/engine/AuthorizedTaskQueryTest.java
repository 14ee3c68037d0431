package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.stocktake.lifecycle.LifecycleModel;
import org.stocktake.security.Roles;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * The task query through the doors Tasklist and the REST API use (a stored filter's list and
 * count, {@code /task}, {@code /task/count}) gives each person the tasks one of their grants
 * covers, and no other, on both databases: on PostgreSQL that is {@link AuthorizedTaskQuery}'s
 * statement, on H2 Camunda's own. Three recommendations: one addressed to each of two
 * organisations and one to both, so each organisation has a response task the other must not see
 * and one of its own on a recommendation they share. Each kind of grant is covered: per task (an
 * organisation's), per process definition and on every task (the observer's).
 */
@OnBothDatabases
@StocktakeSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizedTaskQueryTest {

    static final String REVIEW = Unique.reviewCode("ATQ");
    static final String FIRST = REVIEW + "/1";
    static final String SECOND = REVIEW + "/2";
    static final String SHARED = REVIEW + "/3";
    static final String WATCHERS = "atq-watchers";
    static final String GRID = "atq-grid-";
    static final String GRID_IDS = "atq-grid-task-";
    static final String CAMUNDA_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;

    HttpActor firstLead;
    HttpActor secondLead;
    HttpActor observer;
    HttpActor watcher;
    String definitionGrant;

    @BeforeAll
    void threeRecommendations() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("atq-first", "First organisation").organisation("atq-second", "Second organisation")
                .group(WATCHERS, "Watchers of every response", "role")
                .user("atq-first-lead", "atq-first").user("atq-second-lead", "atq-second").user("atq-sec", Roles.SECRETARIAT)
                .user("atq-observer", Roles.OBSERVER).user("atq-watcher", WATCHERS);
        HttpActor secretariat = HttpActor.as(http, "atq-sec", People.PASSWORD);
        new Journey(secretariat, admin).review(REVIEW, "PFD_REPORT");
        register(secretariat, "1", "atq-first");
        register(secretariat, "2", "atq-second");
        register(secretariat, "3", "atq-first", "atq-second");
        firstLead = HttpActor.as(http, "atq-first-lead", People.PASSWORD);
        secondLead = HttpActor.as(http, "atq-second-lead", People.PASSWORD);
        observer = HttpActor.as(http, "atq-observer", People.PASSWORD);
        watcher = HttpActor.as(http, "atq-watcher", People.PASSWORD);
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(WATCHERS);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(LifecycleModel.PROCESS_KEY);
        grant.addPermission(Permissions.READ_TASK);
        definitionGrant = authorizations.saveAuthorization(grant).getId();
    }

    @AfterAll
    void withdrawTheDefinitionGrant() {
        engine.getAuthorizationService().deleteAuthorization(definitionGrant);
    }

    @Test
    void onPostgresqlTheQueryIsOursAndOnH2Camundas() {
        DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
        boolean postgres = DbSqlSessionFactory.POSTGRES.equals(sessions.getDatabaseType());
        assertThat(sessions.mapStatement(AuthorizedTaskQuery.LIST))
                .isEqualTo(postgres ? AuthorizedTaskQuery.LIST + AuthorizedTaskQuery.SUFFIX : AuthorizedTaskQuery.LIST);
        assertThat(sessions.mapStatement(AuthorizedTaskQuery.COUNT))
                .isEqualTo(postgres ? AuthorizedTaskQuery.COUNT + AuthorizedTaskQuery.SUFFIX : AuthorizedTaskQuery.COUNT);
    }

    @Test
    void aGrantPerTaskShowsAnOrganisationItsOwnResponsesOnly() {
        assertThat(counted(firstLead)).isEqualTo(Map.of(FIRST, 1L, SECOND, 0L, SHARED, 1L));
        assertThat(counted(secondLead)).isEqualTo(Map.of(FIRST, 0L, SECOND, 1L, SHARED, 1L));
        assertThat(listed(firstLead)).hasSize(2);
        assertThat(listed(secondLead)).hasSize(2);
    }

    @Test
    void theOrganisationsFilterListsAndCountsItsOwnResponsesOnly() {
        assertThat(filtered(firstLead)).hasSize(2).allMatch(task -> LifecycleModel.TASK_RECORD_RESPONSE.equals(task.get("taskDefinitionKey")));
        assertThat(filterCount(firstLead)).isEqualTo(2);
        assertThat(filtered(secondLead)).hasSize(2);
        assertThat(filterCount(secondLead)).isEqualTo(2);
        assertThat(filtered(firstLead).stream().map(task -> task.get("id")).collect(Collectors.toSet()))
                .doesNotContainAnyElementsOf(filtered(secondLead).stream().map(task -> task.get("id")).collect(Collectors.toSet()))
                .as("the shared recommendation has a response task for each, not one for both");
    }

    @Test
    void aGrantOnTheProcessDefinitionShowsEveryResponse() {
        assertThat(counted(watcher)).isEqualTo(Map.of(FIRST, 1L, SECOND, 1L, SHARED, 2L));
        assertThat(listed(watcher)).hasSize(4);
    }

    @Test
    void aGrantOnEveryTaskShowsEveryResponse() {
        assertThat(counted(observer)).isEqualTo(Map.of(FIRST, 1L, SECOND, 1L, SHARED, 2L));
        assertThat(listed(observer)).hasSize(4);
    }

    /**
     * Standalone tasks (no process definition), each with one kind of authorization row, read by a
     * person of one group: the grants to the person, to the group, to anyone and the global one
     * show their task; a grant without READ, on another resource type or to someone else does
     * not. On PostgreSQL Camunda's own statement, run by its full name, must give the same.
     */
    @Test
    void eachKindOfAuthorizationRowShowsItsTaskOrNotAsCamundasOwnStatementDoes() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        List<String> grants = new ArrayList<>();
        Map<String, Boolean> shown = new LinkedHashMap<>();
        grid(shown, grants, "person", true, Authorization.AUTH_TYPE_GRANT, "atq-grid-person", null, Resources.TASK, Permissions.READ);
        grid(shown, grants, "group", true, Authorization.AUTH_TYPE_GRANT, null, "atq-grid-group", Resources.TASK, Permissions.READ);
        grid(shown, grants, "anyone", true, Authorization.AUTH_TYPE_GRANT, Authorization.ANY, null, Resources.TASK, Permissions.READ);
        grid(shown, grants, "global", true, Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.TASK, Permissions.READ);
        grid(shown, grants, "update-only", false, Authorization.AUTH_TYPE_GRANT, "atq-grid-person", null, Resources.TASK, Permissions.UPDATE);
        grid(shown, grants, "other-type", false, Authorization.AUTH_TYPE_GRANT, "atq-grid-person", null, Resources.PROCESS_INSTANCE, Permissions.READ);
        grid(shown, grants, "someone-else", false, Authorization.AUTH_TYPE_GRANT, "atq-grid-other", null, Resources.TASK, Permissions.READ);
        grid(shown, grants, "other-group", false, Authorization.AUTH_TYPE_GRANT, null, "atq-grid-other-group", Resources.TASK, Permissions.READ);
        grid(shown, grants, "none", false, Authorization.AUTH_TYPE_GRANT, null, null, null, null);
        List<String> expected = shown.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
        engine.getIdentityService().setAuthentication("atq-grid-person", List.of("atq-grid-group"));
        try {
            TaskService tasks = engine.getTaskService();
            assertThat(tasks.createTaskQuery().taskNameLike(GRID + "%").orderByTaskName().asc().listPage(0, HttpActor.PAGE)).extracting(Task::getId)
                    .isEqualTo(expected);
            assertThat(tasks.createTaskQuery().taskNameLike(GRID + "%").count()).isEqualTo(expected.size());
            assertThat(tasks.createTaskQuery().taskNameLike(GRID + "%").orderByTaskName().asc().listPage(1, 2)).extracting(Task::getId)
                    .isEqualTo(expected.subList(1, 3));
            TaskQueryImpl query = (TaskQueryImpl) tasks.createTaskQuery().taskNameLike(GRID + "%").orderByTaskName().asc();
            assertThat(camundasOwnStatement(query)).isEqualTo(expected);
        } finally {
            engine.getIdentityService().clearAuthentication();
            // the grants first: deleting a task deletes the authorizations on it
            grants.forEach(authorizations::deleteAuthorization);
            shown.keySet().forEach(id -> engine.getTaskService().deleteTask(id, true));
        }
    }

    @Test
    void anUpgradeThatChangesCamundasJoinOrTheGrantsItSelectsStopsTheStartInsteadOfKeepingAStaleRule() {
        String camunda = AuthorizedTaskQuery.camunda(AuthorizedTaskQuery.CAMUNDA_MAPPING);
        assertThat(AuthorizedTaskQuery.mapper(camunda)).contains("lateral").doesNotContain("authCheckJoinWithoutOnClause\"");
        String changed = camunda.replace("${authJoinSeparator} D.KEY_", "${authJoinSeparator} D.ID_");
        assertThatThrownBy(() -> AuthorizedTaskQuery.mapper(changed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AuthorizedTaskQuery.CAMUNDA_MAPPING).hasMessageContaining("found 0 times");

        String authorizations = AuthorizedTaskQuery.camunda(AuthorizedTaskQuery.CAMUNDA_AUTHORIZATIONS);
        AuthorizedTaskQuery.checkRestated(authorizations);
        String grantsChanged = authorizations.replace("WHERE A.TYPE_ &lt; 2", "WHERE A.TYPE_ &lt; 3");
        assertThat(grantsChanged).isNotEqualTo(authorizations);
        assertThatThrownBy(() -> AuthorizedTaskQuery.checkRestated(grantsChanged)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AuthorizedTaskQuery.CAMUNDA_AUTHORIZATIONS).hasMessageContaining("differs from 7.24's");
    }

    /** A standalone task named for its case, and the one authorization row the case gives it (none for "none"). */
    private void grid(Map<String, Boolean> shown, List<String> grants, String name, boolean visible, int type, String user, String group,
                      Resources resource, Permission permission) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask(GRID_IDS + name);
        task.setName(GRID + name);
        tasks.saveTask(task);
        shown.put(task.getId(), visible);
        if (resource != null) {
            AuthorizationService authorizations = engine.getAuthorizationService();
            Authorization row = authorizations.createNewAuthorization(type);
            if (type != Authorization.AUTH_TYPE_GLOBAL) {
                if (user != null) {
                    row.setUserId(user);
                } else {
                    row.setGroupId(group);
                }
            }
            row.setResource(resource);
            row.setResourceId(task.getId());
            row.addPermission(permission);
            grants.add(authorizations.saveAuthorization(row).getId());
        }
    }

    /** The task ids Camunda's own list statement gives for the query, called by its full name, which no mapping replaces. */
    private List<String> camundasOwnStatement(TaskQueryImpl query) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            context.getAuthorizationManager().configureTaskQuery(query);
            context.getTenantManager().configureQuery(query);
            query.setFirstResult(0);
            query.setMaxResults(HttpActor.PAGE);
            List<Task> found = context.getDbEntityManager().selectList(CAMUNDA_LIST, query);
            return found.stream().map(Task::getId).toList();
        });
    }

    private static Map<String, Long> counted(HttpActor person) {
        return List.of(FIRST, SECOND, SHARED).stream().collect(Collectors.toMap(key -> key,
                key -> ((Number) person.get("/engine-rest/task/count?processInstanceBusinessKey=" + key).getBody().get("count")).longValue()));
    }

    private static List<Map<String, Object>> listed(HttpActor person) {
        return person.getList("/engine-rest/task?maxResults=" + HttpActor.PAGE + "&processInstanceBusinessKeyIn=" + String.join(",", FIRST, SECOND, SHARED));
    }

    private List<Map<String, Object>> filtered(HttpActor person) {
        return person.postForList("/engine-rest/filter/" + organisationFilter() + "/list?maxResults=" + HttpActor.PAGE, Map.of());
    }

    private long filterCount(HttpActor person) {
        return ((Number) person.post("/engine-rest/filter/" + organisationFilter() + "/count", Map.of()).getBody().get("count")).longValue();
    }

    private String organisationFilter() {
        FilterService filters = engine.getFilterService();
        return filters.createFilterQuery().filterName(TasklistFilters.MY_ORGANISATION).singleResult().getId();
    }

    private static void register(HttpActor secretariat, String reference, String... addressees) {
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", reference,
                "text", "Recommendation " + reference + " of the report.", "addressees", List.of(addressees))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }
}
