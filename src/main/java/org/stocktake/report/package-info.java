/**
 * What people read: the public summary, the board pack and its quarterly production, the
 * dashboard, the timeline, and the report pages.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "evidence", "imports", "jdbc", "lifecycle", "notify", "oversight", "respond", "review", "security"})
package org.stocktake.report;

import org.springframework.modulith.ApplicationModule;
