/**
 * Mapping rows to records, what one transaction has read, and how PostgreSQL plans each
 * connection's queries.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.jdbc;

import org.springframework.modulith.ApplicationModule;
