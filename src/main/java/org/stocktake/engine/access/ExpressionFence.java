package org.stocktake.engine.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine's expressions may do. Models deployed by Stocktake (or by an administrator)
 * reach only the beans they name; task queries, which anyone may save as a Tasklist filter, use
 * only Tasklist's functions, checked when saved and again when run. Filters stored before this
 * check with other expressions are listed at start; they are refused whenever they run.
 */
@Component
class ExpressionFence extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ExpressionFence.class);

    private final ApplicationContext applicationContext;

    ExpressionFence(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ModelBeans beans = ModelBeans.of(applicationContext, applicationContext);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new FencedExpressionManager(applicationContext, beans));
        List<SessionFactory> sessionFactories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessionFactories.addAll(configuration.getCustomSessionFactories());
        }
        sessionFactories.add(FencedFilterManager.FACTORY);
        configuration.setCustomSessionFactories(sessionFactories);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
            List<String> refused = QueryExpressions.refused((AbstractQuery<?, ?>) filter.getQuery());
            if (!refused.isEmpty()) {
                log.warn("The filter \"{}\" (id {}, owner {}) holds expressions that are refused when it runs: {}. {}. "
                                + "Change or delete it in Tasklist.", filter.getName(), filter.getId(), filter.getOwner(), refused,
                        QueryExpressions.WHAT_IS_ALLOWED);
            }
        }
    }
}
