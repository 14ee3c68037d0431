/**
 * The demo profile's people and reviews.
 */
@ApplicationModule(allowedDependencies = {"imports", "review", "security"})
package org.stocktake.demo;

import org.springframework.modulith.ApplicationModule;
