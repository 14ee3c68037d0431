/**
 * The secretariat's and the board's decisions and escalations, each recorded with who, when and
 * why, and told to those it concerns.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "jdbc", "notify", "review", "security"})
package org.stocktake.oversight;

import org.springframework.modulith.ApplicationModule;
