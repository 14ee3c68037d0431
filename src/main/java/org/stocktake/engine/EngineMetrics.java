package org.stocktake.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.stocktake.lifecycle.LifecycleModel;

/**
 * The engine's figures for Prometheus, read when scraped: jobs due and failed, open tasks by task
 * key, and responses and progress updates past their due dates. docs/operations.md says what each
 * means and what to alert on.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final List<String> TASK_KEYS = List.of(LifecycleModel.TASK_RECORD_RESPONSE, LifecycleModel.TASK_ASSIGN_OWNER,
            LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE, LifecycleModel.TASK_REVIEW_ESCALATION, LifecycleModel.TASK_DECIDE_EXTENSION,
            LifecycleModel.TASK_SIGN_OFF_CLOSURE, LifecycleModel.TASK_ASSURANCE_CHECK);

    private final ManagementService management;
    private final TaskService tasks;
    private final Clock clock;

    EngineMetrics(ManagementService management, TaskService tasks, Clock clock) {
        this.management = management;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("stocktake.jobs.due", this, metrics -> metrics.management.createJobQuery().executable().count())
                .description("Jobs due now and not yet run: timers and async steps waiting for a job executor").register(registry);
        Gauge.builder("stocktake.jobs.failed", this, metrics -> metrics.management.createJobQuery().noRetriesLeft().count())
                .description("Jobs whose retries ran out: each is an incident in Cockpit").register(registry);
        for (String taskKey : TASK_KEYS) {
            Gauge.builder("stocktake.tasks.open", this, metrics -> metrics.tasks.createTaskQuery().taskDefinitionKey(taskKey).count())
                    .description("Open user tasks, by task key").tag("task_key", taskKey).register(registry);
        }
        Gauge.builder("stocktake.responses.overdue", this, metrics -> metrics.overdue(LifecycleModel.TASK_RECORD_RESPONSE))
                .description("Addressees' responses past their due date").register(registry);
        Gauge.builder("stocktake.updates.overdue", this, metrics -> metrics.overdue(LifecycleModel.TASK_SUBMIT_PROGRESS_UPDATE))
                .description("Owners' progress updates past their due date").register(registry);
    }

    private long overdue(String taskKey) {
        return tasks.createTaskQuery().taskDefinitionKey(taskKey).dueBefore(Date.from(Instant.now(clock))).count();
    }
}
