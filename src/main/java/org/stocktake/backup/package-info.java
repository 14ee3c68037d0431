/**
 * Backups of the embedded H2 database from the command line: {@code java -jar stocktake.jar backup
 * FILE} (online, a consistent copy of the engine's and Stocktake's tables, evidence files
 * included) and {@code restore FILE}. PostgreSQL is backed up with its own tools (docs/operations.md).
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.backup;

import org.springframework.modulith.ApplicationModule;
