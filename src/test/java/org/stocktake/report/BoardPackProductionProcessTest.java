package org.stocktake.report;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quarterly board pack: the engine's timer starts it on the 20th after each quarter's end. */
@Deployment(resources = "bpmn/board-pack.bpmn")
class BoardPackProductionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine processEngine;
    QuarterlyBoardPacks boardPacks = mock(QuarterlyBoardPacks.class);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("boardPacks", boardPacks);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void eachQuarterThePackIsProducedOnItsOwnTransactionAndTheNextIsScheduled() {
        Job timer = startTimer();
        then(timer.getDuedate()).as("the first after now").isAfter(ClockUtil.getCurrentTime());
        // the engine adds the period in the JVM's time zone, as it does for every timer cycle
        then(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString()).matches("\\d{4}-(01|04|07|10)-20");

        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("BoardPackProduction").singleResult();
        assertThat(instance).isWaitingAt("ServiceTask_ProduceBoardPack");
        verifyNoInteractions(boardPacks);
        execute(BpmnAwareTests.job(instance));

        verify(boardPacks).produceForQuarterJustEnded();
        assertThat(instance).isEnded().hasPassed("EndEvent_BoardPackProduced");
        then(startTimer().getDuedate()).as("three months on")
                .isEqualTo(Date.from(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).plusMonths(3).toInstant()));
    }

    private Job startTimer() {
        return processEngine.getManagementService().createJobQuery().timers().processDefinitionKey("BoardPackProduction")
                .singleResult();
    }
}
