package org.stocktake.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, each connection tells the planner that fetching a row through an index costs
 * little more than reading the table in order, as on the solid-state storage servers have today:
 * {@code random_page_cost} 1.1, the value PostgreSQL's manual suggests for it, instead of the
 * default 4, which models spinning disks. With 4, PostgreSQL read all 100,000 open tasks to find
 * an organisation's 1,000 for Tasklist's count, 140 ms where 1,000 index lookups take 14 ms
 * (BENCHMARKS.md, Optimisations). {@code stocktake.postgres.random-page-cost} gives another value;
 * empty leaves the server's own, as does a connection-init-sql the operator has set. H2 is left
 * alone.
 */
@Component
class PostgresPlannerCosts implements BeanPostProcessor {

    static final String PROPERTY = "stocktake.postgres.random-page-cost";
    static final double LEAST = 0.01;
    static final double MOST = 100;

    private final String randomPageCost;

    PostgresPlannerCosts(@Value("${" + PROPERTY + "}") String randomPageCost) {
        this.randomPageCost = randomPageCost.isBlank() ? null : cost(randomPageCost.strip());
    }

    /** Before initialisation, while the pool is still itself: a proxy around it may follow. */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && randomPageCost != null && pool.getConnectionInitSql() == null
                && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.setConnectionInitSql("set random_page_cost = " + randomPageCost);
        }
        return bean;
    }

    /**
     * The value as a plain number, since it becomes part of a statement, and within what a planner
     * cost can sensibly be: one PostgreSQL refuses would fail every connection.
     */
    private static String cost(String value) {
        try {
            double cost = Double.parseDouble(value);
            if (cost >= LEAST && cost <= MOST) {
                return Double.toString(cost);
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the property's name
        }
        throw new IllegalArgumentException(PROPERTY + " must be a number from " + LEAST + " to " + MOST + ", such as 1.1, or empty; it was \""
                + value + "\"");
    }
}
