/**
 * The embedded H2 database's upkeep while the application runs: its file kept compact although
 * every commit is written before it returns.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.h2;

import org.springframework.modulith.ApplicationModule;
