/**
 * The error types every module may throw: bad input with the field at fault, not found, not
 * allowed, a clash with someone else's change, too large. How each door answers them is the
 * door's own: web's for {@code /api}, engine's for the engine's REST API.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.errors;

import org.springframework.modulith.ApplicationModule;
