package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.InvalidInputException;

class RefusedInputLogFilterTest {

    RefusedInputLogFilter filter = new RefusedInputLogFilter();
    Logger logger = new LoggerContext().getLogger("org.camunda.bpm.engine.context");

    @Test
    void aRefusedSubmissionWrappedByTheEngineIsNotLogged() {
        Exception wrapped = new IllegalStateException("ENGINE-03051 TaskListener failed",
                new RuntimeException(new InvalidInputException("boardComment", "is required")));

        assertThat(filter.decide(null, logger, Level.ERROR, "ENGINE-16004 {}", new Object[] {"context", wrapped}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, logger, Level.ERROR, "failed", null, wrapped)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void aLostRaceIsNotLogged() {
        Exception completedFirst = new NullValueException("Cannot find task with id 42: task is null");
        Exception changedFirst = new RuntimeException(new ConflictException("Recommendation 7 was changed by someone else"));

        assertThat(filter.decide(null, logger, Level.ERROR, "ENGINE-16004 {}", new Object[] {completedFirst}, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, logger, Level.ERROR, "failed", null, changedFirst)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void realErrorsAreStillLogged() {
        Exception failure = new IllegalStateException("database unreachable");

        assertThat(filter.decide(null, logger, Level.ERROR, "ENGINE-16004 {}", new Object[] {failure}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, logger, Level.ERROR, "failed", null, failure)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, logger, Level.ERROR, "failed", null, new NullValueException("Deployment is null"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, logger, Level.INFO, "started {}", new Object[] {"engine"}, null)).isEqualTo(FilterReply.NEUTRAL);
    }
}
