/**
 * How {@code /api} answers: problem details for the error types, and request bodies read within limits.
 */
@ApplicationModule(allowedDependencies = {"errors"})
package org.stocktake.web;

import org.springframework.modulith.ApplicationModule;
