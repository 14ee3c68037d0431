package org.stocktake.engine.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks with the signed-in person's groups as they are, instead of
 * first narrowed to the groups that hold any authorization at all. The engine narrows them by
 * reading every distinct group id in ACT_RU_AUTHORIZATION at the start of each command: a scan of
 * a table that holds a row per open task and group, so it grew with the register (one to two
 * hundred thousand rows at ten years). A group that holds no authorization matches no row in the
 * check either, so the answer is the same. A person in more than {@link #NARROWED_FROM} groups (a
 * large directory such as LDAP) is narrowed as the engine does, to keep the check's list short.
 */
final class GroupsAsSignedIn implements SessionFactory {

    static final int NARROWED_FROM = 50;

    @Override
    public Class<?> getSessionType() {
        return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
        return new Manager();
    }

    static final class Manager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.size() > NARROWED_FROM) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
