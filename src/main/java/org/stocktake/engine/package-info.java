/**
 * The Camunda platform around the model: the engine's REST API on its two doors and their error
 * answers, what the history keeps, Tasklist's filters, the job executor's settings, the order of
 * two completions of one task, the one clock and zone, and the task query's authorization check
 * on PostgreSQL. The only module besides lifecycle, policy and security that touches the engine.
 */
@ApplicationModule(allowedDependencies = {"errors", "lifecycle", "security"})
package org.stocktake.engine;

import org.springframework.modulith.ApplicationModule;
