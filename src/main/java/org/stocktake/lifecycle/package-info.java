/**
 * The recommendation's process: the model's delegates, listeners and expressions (its bean names
 * are the model's), the process variables' names, starting a process from the register's events,
 * and the queries reports make of open tasks and history.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "evidence", "imports", "notify", "oversight", "policy", "review", "security"})
package org.stocktake.lifecycle;

import org.springframework.modulith.ApplicationModule;
