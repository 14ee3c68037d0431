/**
 * The error types every module may throw and how the API answers them.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.web;

import org.springframework.modulith.ApplicationModule;
