package org.stocktake.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read within one transaction, kept until it ends: one engine step evaluates several
 * expressions and listeners that each read the same row, and each read is a query. A transaction
 * sees its own writes, so the owner clears the cache whenever it writes; a suspended transaction's
 * values are put aside until it resumes. Outside a transaction nothing is kept.
 */
public final class TransactionCache<K, V> {

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

    /** Forgets what this transaction read: called on every write. */
    public void clear() {
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
