package org.stocktake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionCacheTest {

    TransactionCache<Long, String> cache = new TransactionCache<>();
    AtomicInteger reads = new AtomicInteger();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource());

    @Test
    void aValueIsReadOncePerTransactionAndAgainAfterAWrite() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(read(1)).isEqualTo("read 1");
            assertThat(read(1)).isEqualTo("read 1");
            cache.clear();
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
