/**
 * Who may do what: engine users and groups as organisations and roles, authorizations, sign-in,
 * and the fences on the engine's REST API and the webapps.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.security;

import org.springframework.modulith.ApplicationModule;
