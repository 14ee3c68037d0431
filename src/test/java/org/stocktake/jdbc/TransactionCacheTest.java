package org.stocktake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionCacheTest {

    JdbcDataSource dataSource = dataSource();
    TransactionCache<Long, String> cache = new TransactionCache<>(JdbcClient.create(dataSource));
    AtomicInteger reads = new AtomicInteger();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);

    @Test
    void aValueIsReadOncePerTransactionAndAgainAfterAnyStatementThatIsNotAQuery() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(read(1)).isEqualTo("read 1");
            assertThat(read(1)).isEqualTo("read 1");
            cache.sql("select 1").query(Integer.class).single();
            assertThat(read(1)).isEqualTo("read 1");
            cache.sql("  create table if not exists kept (id int)").update();
            assertThat(read(1)).isEqualTo("read 2");
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> assertThat(read(1)).isEqualTo("read 3"));
    }

    @Test
    void outsideATransactionNothingIsKept() {
        assertThat(read(1)).isEqualTo("read 1");
        assertThat(read(1)).isEqualTo("read 2");
    }

    @Test
    void aNewTransactionInsideAnotherReadsForItselfAndTheOuterKeepsItsValues() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(read(1)).isEqualTo("read 1");
            inner.executeWithoutResult(innerStatus -> assertThat(read(1)).isEqualTo("read 2"));
            assertThat(read(1)).isEqualTo("read 1");
        });
    }

    private String read(long key) {
        return cache.get(key, () -> "read " + reads.incrementAndGet());
    }

    private static JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:transaction-cache;DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
