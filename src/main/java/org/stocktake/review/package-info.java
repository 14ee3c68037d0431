/**
 * The register: reviews, recommendations, responses and progress updates; their API, the import
 * and export, and the working days of each nation. It never calls the lifecycle: registering
 * publishes an event.
 */
@ApplicationModule(allowedDependencies = {"jdbc", "security", "web"})
package org.stocktake.review;

import org.springframework.modulith.ApplicationModule;
