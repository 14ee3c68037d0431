package org.stocktake.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a job executor that would poll the database without pause. Camunda's
 * idle back-off grows the wait from {@code wait-time-in-millis} up to {@code max-wait}; with the
 * maximum below the first wait it never waits at all, and an idle node runs thousands of queries
 * a second (the benchmark's statement counter found it at 16,000 commits a second).
 */
@Component
class JobExecutorSettings {

    JobExecutorSettings(ProcessEngineConfigurationImpl engineConfiguration) {
        JobExecutor executor = engineConfiguration.getJobExecutor();
        if (executor != null && executor.getMaxWait() < executor.getWaitTimeInMillis()) {
            throw new IllegalStateException("The job executor's max-wait (STOCKTAKE_JOB_MAX_WAIT_MILLIS) is " + executor.getMaxWait()
                    + " ms, below its wait time (STOCKTAKE_JOB_WAIT_MILLIS) of " + executor.getWaitTimeInMillis()
                    + " ms: an idle node would then look for jobs without pausing. Set the maximum to at least the wait time.");
        }
    }
}
