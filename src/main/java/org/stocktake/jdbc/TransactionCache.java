package org.stocktake.jdbc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A repository's way to its tables, with what it read kept until the transaction ends: one engine
 * step evaluates several expressions and listeners that each read the same row, and each read is
 * a query. The repository reaches the database only through {@link #sql}, and every statement
 * that is not a query forgets what this transaction read before it runs, so a value kept is never
 * older than the transaction's own last write. A suspended transaction's values are put aside
 * until it resumes. Outside a transaction nothing is kept.
 */
public final class TransactionCache<K, V> {

    private final JdbcClient jdbc;

    public TransactionCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement on the repository's tables; anything but a {@code select} first forgets what was kept. */
    public JdbcClient.StatementSpec sql(String sql) {
        if (!sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select")) {
            clear();
        }
        return jdbc.sql(sql);
    }

    public V get(K key, Supplier<V> read) {
        Map<K, V> values = values();
        if (values == null) {
            return read.get();
        }
        V value = values.get(key);
        if (value == null) {
            value = read.get();
            values.put(key, value);
        }
        return value;
    }

    private void clear() {
        Map<K, V> values = current();
        if (values != null) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> current() {
        return (Map<K, V>) TransactionSynchronizationManager.getResource(this);
    }

    private Map<K, V> values() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> values = current();
        if (values == null) {
            Map<K, V> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(TransactionCache.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionCache.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.this);
                }
            });
            values = created;
        }
        return values;
    }
}
