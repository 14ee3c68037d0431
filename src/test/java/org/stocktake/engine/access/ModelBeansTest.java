package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stocktake.support.StocktakeSpringTest;

/**
 * The engine's expressions reach only the beans the process models name: a model deployed by an
 * administrator, or a filter saved by one, cannot reach the application's database client.
 */
@StocktakeSpringTest
class ModelBeansTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void theBeansAreThoseTheModelsName() {
        assertThat(((ModelBeans) engine.getBeans()).names()).containsExactlyInAnyOrder("boardPacks", "escalationRecorder", "instanceAccess",
                "policyInputs", "remindAddressee", "remindOwner", "reportingCalendar", "responseConclusion", "responseRound", "submissions",
                "taskDeadlines", "taskFormContext", "updatePlanner");
    }

    @Test
    void anExpressionReachesAModelsBeanButNoOtherEvenWithAVariableScope() {
        Object named = evaluate("${reportingCalendar}");
        assertThat(named).isNotNull();
        assertThatThrownBy(() -> evaluate("${jdbcClient}")).isInstanceOf(ProcessEngineException.class).hasMessageContaining("jdbcClient");
        assertThatThrownBy(() -> evaluate("${dataSource}")).isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void aQuerysExpressionIsRefusedAsItRunsUnlessItIsOneOfTasklistsFunctions() {
        assertThatThrownBy(() -> evaluateAsAQuery("${reportingCalendar}")).isInstanceOf(QueryExpressions.RefusedExpressionException.class);
        Object now = engine.getCommandExecutorTxRequired().execute(context -> evaluateAsAQuery("${now()}"));
        assertThat(now).isInstanceOf(java.util.Date.class);
    }

    private Object evaluate(String text) {
        Expression expression = engine.getExpressionManager().createExpression(text);
        return engine.getCommandExecutorTxRequired().execute(context -> expression.getValue(StartProcessVariableScope.getSharedInstance()));
    }

    /** As the engine evaluates a task query's criteria: without a variable scope. */
    private Object evaluateAsAQuery(String text) {
        return engine.getExpressionManager().createExpression(text).getValue(null);
    }
}
