package org.stocktake.engine.access;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

/**
 * The engine's filter store, refusing a filter whose query holds an expression that is not one of
 * Tasklist's functions: the person saving it gets a 400 saying which and why, through
 * {@code /engine-rest}, Tasklist's filter dialog or Java alike.
 * <p>
 * A new filter that names no owner becomes the filter of the person saving it, who then may read,
 * change and delete it. Tasklist's dialog names none, and would otherwise save a filter that
 * nobody but an administrator can see (sharing it needs rights over authorizations, which only
 * administrators have).
 */
class FencedFilterManager extends FilterManager {

    /** Puts this manager in the place of the engine's own. */
    static final SessionFactory FACTORY = new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
            return FilterManager.class;
        }

        @Override
        public Session openSession() {
            return new FencedFilterManager();
        }
    };

    @Override
    public Filter insertOrUpdateFilter(Filter filter) {
        QueryExpressions.requireAllowed((AbstractQuery<?, ?>) filter.getQuery());
        Authentication person = Context.getCommandContext().getAuthentication();
        if (filter.getId() == null && filter.getOwner() == null && person != null) {
            filter.setOwner(person.getUserId());
        }
        return super.insertOrUpdateFilter(filter);
    }
}
