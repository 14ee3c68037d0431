/**
 * The board's decision tables (DMN): the escalation and assurance policies, their versions, what a
 * new version may contain, and their API.
 */
@ApplicationModule(allowedDependencies = {"errors", "review", "oversight", "web"})
package org.stocktake.policy;

import org.springframework.modulith.ApplicationModule;
