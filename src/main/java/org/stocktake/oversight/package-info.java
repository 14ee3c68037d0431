/**
 * The secretariat's and the board's decisions and escalations, each recorded with who, when and
 * why, and told to those it concerns.
 */
@ApplicationModule(allowedDependencies = {"jdbc", "notify", "review", "security", "web"})
package org.stocktake.oversight;

import org.springframework.modulith.ApplicationModule;
