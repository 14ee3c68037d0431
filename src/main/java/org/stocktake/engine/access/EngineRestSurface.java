package org.stocktake.engine.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What of the engine's REST API a person who is not an administrator may call, on either of its
 * doors ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}): what Tasklist needs,
 * and what a REST client needs to find and do its own work. Everything else answers 403; the
 * refusals below only say why, for the answer and for {@code docs/security.md}. The engine's own
 * authorizations still decide, within an allowed call, which tasks and processes a person sees.
 * <p>
 * Calls are named by their resource template as the engine's REST API declares it (Jersey matches
 * the request, so no spelling of a path reaches another resource), relative to the engine: a
 * named engine's prefix {@code /engine/{name}} is taken off first.
 */
final class EngineRestSurface {

    /** What else an allowed call must satisfy, beyond the engine's authorizations. */
    enum Condition {
        /** Nothing more. */
        NONE,
        /** The variables sent are the fields of the task's form, and nothing else. */
        FORM_FIELDS_ONLY,
        /** The task is claimed by the person claiming it, never for someone else. */
        FOR_ONESELF,
        /** The user in the path (and in the body, if any) is the person asking. */
        OWN_USER,
        /** The user asked about ({@code ?userId=}) is the person asking. */
        OWN_USER_QUERY,
        /**
         * A filter saved belongs to the person saving it: it names no owner (and becomes theirs) or
         * names them. Only its owner may read and change it, unless an administrator shares it.
         */
        OWN_FILTER
    }

    record Allowed(String method, String template, Condition condition, String purpose) {
    }

    record Refused(String pathPrefix, String reason) {
    }

    /** Every call a person may make, with what it is for; Tasklist's own calls are marked so. */
    static final List<Allowed> ALLOWED = List.of(
            // Tasklist: starting up, its filters (personal ones too) and their task lists
            allowed("GET", "/engine", "Tasklist: the engines to sign in to"),
            allowed("GET", "/version", "Tasklist: the engine's version"),
            allowed("GET", "/filter", "Tasklist: the filters down its left side"),
            allowed("GET", "/filter/count", "Tasklist: the filters down its left side"),
            allowed("GET", "/filter/{id}", "Tasklist: a filter"),
            allowed("GET", "/filter/{id}/list", "Tasklist: a filter's tasks"),
            allowed("POST", "/filter/{id}/list", "Tasklist: a filter's tasks, sorted and with their columns"),
            allowed("GET", "/filter/{id}/count", "Tasklist: how many tasks a filter holds"),
            allowed("POST", "/filter/{id}/count", "Tasklist: how many tasks a filter holds"),
            allowed("GET", "/filter/{id}/singleResult", "a filter's single task"),
            allowed("POST", "/filter/{id}/singleResult", "a filter's single task"),
            new Allowed("POST", "/filter/create", Condition.OWN_FILTER, "Tasklist: a personal filter (expressions are checked as it is saved)"),
            new Allowed("PUT", "/filter/{id}", Condition.OWN_FILTER, "Tasklist: changing one's own filter"),
            allowed("DELETE", "/filter/{id}", "Tasklist: deleting a filter one may delete"),
            // finding and doing one's own tasks
            allowed("GET", "/task", "finding tasks"),
            allowed("POST", "/task", "finding tasks"),
            allowed("GET", "/task/count", "counting tasks"),
            allowed("POST", "/task/count", "counting tasks"),
            allowed("GET", "/task/{id}", "Tasklist: a task"),
            allowed("GET", "/task/{id}/form", "Tasklist: which form a task has"),
            allowed("GET", "/task/{id}/deployed-form", "Tasklist: a task's Camunda Form"),
            allowed("GET", "/task/{id}/rendered-form", "a task's form as HTML"),
            allowed("GET", "/task/{id}/form-variables", "Tasklist: what a task's form shows"),
            allowed("GET", "/task/{id}/variables", "Tasklist: what a task shows"),
            allowed("GET", "/task/{id}/variables/{varId}", "a value a task shows"),
            allowed("GET", "/task/{id}/localVariables", "what a task shows"),
            allowed("GET", "/task/{id}/localVariables/{varId}", "a value a task shows"),
            allowed("GET", "/task/{id}/identity-links", "Tasklist: who a task is for"),
            allowed("GET", "/task/{id}/comment", "Tasklist: a task's comments"),
            allowed("POST", "/task/{id}/comment/create", "Tasklist: commenting on a task one may work on"),
            new Allowed("POST", "/task/{id}/claim", Condition.FOR_ONESELF, "Tasklist: claiming a task one may work on"),
            allowed("POST", "/task/{id}/unclaim", "Tasklist: handing a task back to its group"),
            new Allowed("POST", "/task/{id}/submit-form", Condition.FORM_FIELDS_ONLY, "Tasklist: completing a task with its form"),
            new Allowed("POST", "/task/{id}/complete", Condition.FORM_FIELDS_ONLY, "completing a task with its form's fields"),
            new Allowed("POST", "/task/{id}/resolve", Condition.FORM_FIELDS_ONLY, "resolving a delegated task with its form's fields"),
            // the process a task belongs to, as far as the engine lets the person see it
            allowed("GET", "/process-definition", "Tasklist: the processes behind tasks"),
            allowed("GET", "/process-definition/count", "the processes behind tasks"),
            allowed("GET", "/process-definition/{id}", "Tasklist: the process behind a task"),
            allowed("GET", "/process-definition/key/{key}", "the process behind a task"),
            allowed("GET", "/process-definition/{id}/xml", "Tasklist: the diagram of a task's process"),
            allowed("GET", "/process-definition/key/{key}/xml", "the diagram of a task's process"),
            allowed("GET", "/process-instance", "finding one's recommendations' processes"),
            allowed("POST", "/process-instance", "finding one's recommendations' processes"),
            allowed("GET", "/process-instance/count", "counting one's recommendations' processes"),
            allowed("POST", "/process-instance/count", "counting one's recommendations' processes"),
            allowed("GET", "/process-instance/{id}", "a recommendation's process"),
            allowed("GET", "/process-instance/{id}/activity-instances", "Tasklist: where a task's process stands"),
            allowed("GET", "/process-instance/{id}/variables", "a process's ids and routing values"),
            allowed("GET", "/process-instance/{id}/variables/{varId}", "a process's id or routing value"),
            // a task's history (Tasklist's History tab) and the person's own record
            allowed("GET", "/history/task", "a task's history"),
            allowed("POST", "/history/task", "a task's history"),
            allowed("GET", "/history/task/count", "a task's history"),
            allowed("POST", "/history/task/count", "a task's history"),
            allowed("GET", "/history/user-operation", "Tasklist: who did what on a task"),
            allowed("GET", "/history/user-operation/count", "Tasklist: who did what on a task"),
            allowed("GET", "/history/identity-link-log", "Tasklist: who a task was for"),
            allowed("GET", "/history/identity-link-log/count", "Tasklist: who a task was for"),
            allowed("GET", "/history/process-instance", "a recommendation's process history"),
            allowed("POST", "/history/process-instance", "a recommendation's process history"),
            allowed("GET", "/history/process-instance/count", "a recommendation's process history"),
            allowed("POST", "/history/process-instance/count", "a recommendation's process history"),
            allowed("GET", "/history/process-instance/{id}", "a recommendation's process history"),
            allowed("GET", "/history/activity-instance", "a recommendation's steps"),
            allowed("POST", "/history/activity-instance", "a recommendation's steps"),
            allowed("GET", "/history/activity-instance/count", "a recommendation's steps"),
            allowed("POST", "/history/activity-instance/count", "a recommendation's steps"),
            allowed("GET", "/history/variable-instance", "a process's ids and routing values over time"),
            allowed("POST", "/history/variable-instance", "a process's ids and routing values over time"),
            allowed("GET", "/history/variable-instance/count", "a process's ids and routing values over time"),
            allowed("POST", "/history/variable-instance/count", "a process's ids and routing values over time"),
            // people and groups, as far as the engine lets the person see them; one's own profile and password
            allowed("GET", "/user", "Tasklist: the names of people on tasks"),
            allowed("GET", "/user/count", "the names of people on tasks"),
            allowed("GET", "/user/{id}/profile", "Tasklist: one's own profile and other people's names"),
            new Allowed("PUT", "/user/{id}/profile", Condition.OWN_USER, "changing one's own name and e-mail address"),
            new Allowed("PUT", "/user/{id}/credentials", Condition.OWN_USER, "changing one's own password"),
            allowed("GET", "/group", "Tasklist: the names of groups on tasks"),
            allowed("POST", "/group", "the names of groups on tasks"),
            allowed("GET", "/group/count", "the names of groups on tasks"),
            allowed("POST", "/group/count", "the names of groups on tasks"),
            allowed("GET", "/group/{id}", "a group's name"),
            new Allowed("GET", "/identity/groups", Condition.OWN_USER_QUERY, "Tasklist: one's own groups"),
            allowed("GET", "/identity/password-policy", "the rules a new password must meet"),
            allowed("POST", "/identity/password-policy", "checking a new password against the rules"),
            allowed("GET", "/authorization", "one's own authorizations"),
            allowed("GET", "/authorization/count", "one's own authorizations"),
            allowed("GET", "/authorization/check", "Tasklist: whether one may do something"),
            allowed("GET", "/authorization/{id}", "one's own authorization"),
            // OPTIONS only describe which calls the engine would allow the person on a resource
            allowed("OPTIONS", "*", "which calls the engine would allow on a resource"));

    /**
     * Why the rest is refused, by path. A call matches the first entry whose path it starts with.
     * A resource the engine's REST API gains in an upgrade matches none until it is classified
     * here ({@code EngineRestSurfaceTest} fails until then); it is refused meanwhile.
     */
    static final List<Refused> REFUSED = List.of(
            refused("/task/create", "a task is created by its recommendation's process, never by hand"),
            refused("/task/report", "reports on tasks are for administrators, in Cockpit"),
            refused("/task/{id}/variables", "a task's values are written only by completing its form"),
            refused("/task/{id}/localVariables", "a task's values are written only by completing its form"),
            refused("/task/{id}/bpmnError", "a task ends only by being completed: a thrown error would end it with nothing recorded"),
            refused("/task/{id}/bpmnEscalation", "escalations are raised by the process's own timers and the escalation policy"),
            refused("/task/{id}/assignee", "a task is claimed by the person who will do it, never given to someone else by hand"),
            refused("/task/{id}/delegate", "a task is done by a member of the group it is for, not delegated"),
            refused("/task/{id}/identity-links", "who a task is for is decided by its process"),
            refused("/task/{id}/attachment", "evidence goes with a progress update, not as a task attachment"),
            refused("/task/{id}/comment/{commentId}", "the engine reads a single comment without asking who may; a task's comments "
                    + "are read together"),
            refused("/task/{id}/comment", "a comment, once made, is part of the record and stays as written"),
            refused("/task/{id}", "a task's due date moves through Stocktake's own API, with a reason; its name, "
                    + "description and priority are the process's, and it is never deleted by hand"),
            refused("/filter", "a filter's other calls are for administrators"),
            refused("/process-definition", "recommendations start through Stocktake's API and import; process definitions "
                    + "are deployed, suspended and deleted by administrators"),
            refused("/process-instance", "a recommendation's process moves only by its own steps: its values, position "
                    + "and state are never changed by hand"),
            refused("/execution", "a recommendation's process moves only by its own steps"),
            refused("/message", "a recommendation's process moves only by its own steps"),
            refused("/signal", "a recommendation's process moves only by its own steps"),
            refused("/condition", "a recommendation's process moves only by its own steps"),
            refused("/modification", "a recommendation's process moves only by its own steps"),
            refused("/migration", "processes are moved to a new model version by administrators"),
            refused("/case-definition", "Stocktake runs no CMMN cases"),
            refused("/case-instance", "Stocktake runs no CMMN cases"),
            refused("/case-execution", "Stocktake runs no CMMN cases"),
            refused("/decision-definition", "the policies are read and changed through Stocktake's /api/policies"),
            refused("/decision-requirements-definition", "the policies are read and changed through Stocktake's /api/policies"),
            refused("/deployment", "only administrators deploy models and forms"),
            refused("/history", "the rest of the engine's history is administrators', in Cockpit; it is never changed by hand"),
            refused("/user", "people are managed by administrators in Camunda Admin; a person changes only their own profile "
                    + "and password"),
            refused("/group", "organisations and roles are managed by administrators in Camunda Admin"),
            refused("/tenant", "Stocktake has no tenants"),
            refused("/authorization", "authorizations are managed by administrators in Camunda Admin"),
            refused("/identity/verify", "passwords are checked by signing in, where wrong guesses are throttled"),
            refused("/identity/groups", "a person may ask only for their own groups"),
            refused("/job", "the engine's jobs are run and retried by the engine, and by administrators in Cockpit"),
            refused("/job-definition", "the engine's jobs are administrators', in Cockpit"),
            refused("/external-task", "Stocktake has no external tasks"),
            refused("/incident", "incidents are handled by administrators in Cockpit"),
            refused("/batch", "batches are administrators', in Cockpit"),
            refused("/event-subscription", "the process's waiting points are administrators', in Cockpit"),
            refused("/variable-instance", "values are read through the task or process they belong to"),
            refused("/metrics", "the engine's metrics are administrators'"),
            refused("/telemetry", "the engine's telemetry is administrators'"),
            refused("/schema", "the database schema is administrators'"),
            refused("/optimize", "Stocktake has no Camunda Optimize; its exports are administrators'"));

    /** Calls open to a caller not signed in (the webapps' sign-in page asks them first). */
    static final Set<String> OPEN_TO_ANYONE = Set.of("GET /engine", "GET /identity/password-policy", "POST /identity/password-policy");

    private EngineRestSurface() {
    }

    static Optional<Allowed> allowed(String method, String template) {
        String call = normalise(template);
        return ALLOWED.stream()
                .filter(allowed -> allowed.method().equals(method) && (allowed.template().equals("*") || normalise(allowed.template()).equals(call)))
                .findFirst();
    }

    static Optional<Refused> refusal(String template) {
        String call = normalise(template);
        return REFUSED.stream().filter(refused -> call.equals(normalise(refused.pathPrefix()))
                || call.startsWith(normalise(refused.pathPrefix()) + "/")).findFirst();
    }

    /**
     * A resource template as the allow-list names it: parameters as {@code {}} (the engine names
     * them differently on different resources), no named-engine prefix, no doubled or trailing slash.
     */
    static String normalise(String template) {
        String path = ("/" + template).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        if (path.startsWith("/engine/{}")) {
            path = path.substring("/engine/{}".length());
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path.isEmpty() ? "/" : path;
    }

    private static Allowed allowed(String method, String template, String purpose) {
        return new Allowed(method, template, Condition.NONE, purpose);
    }

    private static Refused refused(String pathPrefix, String reason) {
        return new Refused(pathPrefix, reason);
    }
}
