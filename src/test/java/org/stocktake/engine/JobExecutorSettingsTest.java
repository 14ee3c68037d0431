package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;

class JobExecutorSettingsTest {

    @Test
    void aMaximumWaitBelowTheFirstWaitIsRefusedWithBothSettingsNamed() {
        StandaloneInMemProcessEngineConfiguration configuration = withJobExecutor(5000, 2000);

        assertThatThrownBy(() -> new JobExecutorSettings(configuration)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOCKTAKE_JOB_MAX_WAIT_MILLIS) is 2000 ms")
                .hasMessageContaining("STOCKTAKE_JOB_WAIT_MILLIS) of 5000 ms");
    }

    @Test
    void theDefaultsAndAShortWaitArePassed() {
        assertThatCode(() -> new JobExecutorSettings(withJobExecutor(5000, 60000))).doesNotThrowAnyException();
        assertThatCode(() -> new JobExecutorSettings(withJobExecutor(500, 500))).doesNotThrowAnyException();
    }

    private static StandaloneInMemProcessEngineConfiguration withJobExecutor(int waitMillis, long maxWaitMillis) {
        JobExecutor executor = new DefaultJobExecutor();
        executor.setWaitTimeInMillis(waitMillis);
        executor.setMaxWait(maxWaitMillis);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(executor);
        return configuration;
    }
}
