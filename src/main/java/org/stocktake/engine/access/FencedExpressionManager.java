package org.stocktake.engine.access;

import java.util.Map;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager, seeing only the beans the models name, and evaluating a query's
 * expression only when it is one of Tasklist's functions ({@link QueryExpressions}). Queries are
 * the one place the engine evaluates an expression without a variable scope (a task query's
 * criteria, from a saved filter, a filter's extension or a REST call's {@code or} branch), so that
 * is where the check sits: whichever door the query came through, it is checked as it runs.
 */
class FencedExpressionManager extends SpringExpressionManager {

    FencedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    public Expression createExpression(String expression) {
        return new QueryCheckedExpression(createValueExpression(expression), this, expression);
    }

    static class QueryCheckedExpression extends JuelExpression {

        QueryCheckedExpression(ValueExpression valueExpression, JuelExpressionManager expressionManager, String expressionText) {
            super(valueExpression, expressionManager, expressionText);
        }

        @Override
        public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
            if (variableScope == null) {
                QueryExpressions.requireAllowed(expressionText);
            }
            return super.getValue(variableScope, contextExecution);
        }
    }
}
