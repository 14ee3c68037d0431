package org.stocktake.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The create listener that versions of the lifecycle model deployed before December 2026 name on
 * every user task, from when form context was copied into task variables. It now does nothing:
 * {@link FormContext} is read when a form is shown. It stays while an instance on such a version
 * may open a task: ModelUpgrade moves running instances to the newest version, but lists and
 * leaves one waiting where the newest cannot place it.
 */
@Component(RetiredFormContextListener.NAME)
public class RetiredFormContextListener implements TaskListener {

    /** The name those versions call it by. */
    public static final String NAME = "taskFormContext";

    @Override
    public void notify(DelegateTask task) {
        // nothing to copy: the form reads its context when it is shown
    }
}
