package org.stocktake.engine.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own authorizations for tasks, with one difference: a group or person taken off a
 * task loses the grant the engine gave them with it. The engine grants work on a task to its
 * candidate groups and its assignee but never takes the grant back, so an owner whose
 * recommendation the board reassigned could still read and complete the new owner's update.
 */
class RevokingAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        return grantsOn(task, null, groupId);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        return Objects.equals(userId, task.getAssignee()) || Objects.equals(userId, task.getOwner()) ? null : grantsOn(task, userId, null);
    }

    /** The previous assignee's grant goes when someone else (or nobody) is assigned. */
    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())) {
            // as the engine removes its own default grants: the person acting needs no right over authorizations
            Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(grantsOn(task, oldAssignee, null));
        }
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    /**
     * The grants a user or a group holds on a task, and on its history where the engine keeps those.
     * None for a task being deleted: the engine removes all of its authorizations then.
     */
    private AuthorizationEntity[] grantsOn(Task task, String userId, String groupId) {
        if (task instanceof TaskEntity entity && entity.isDeleted()) {
            return new AuthorizationEntity[0];
        }
        Stream<Resource> resources = isHistoricInstancePermissionsEnabled() ? Stream.of(Resources.TASK, Resources.HISTORIC_TASK)
                : Stream.of(Resources.TASK);
        AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
        return resources.map(resource -> userId != null
                        ? authorizations.findAuthorizationByUserIdAndResourceId(AUTH_TYPE_GRANT, userId, resource, task.getId())
                        : authorizations.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId, resource, task.getId()))
                .filter(Objects::nonNull)
                .toArray(AuthorizationEntity[]::new);
    }
}
