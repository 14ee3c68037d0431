/**
 * The register: reviews, recommendations, responses and progress updates, their API, and who may
 * see which of them. It never calls the lifecycle: registering publishes an event.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "jdbc", "security"})
package org.stocktake.review;

import org.springframework.modulith.ApplicationModule;
