/**
 * Mapping rows to records, and what one transaction has read.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.jdbc;

import org.springframework.modulith.ApplicationModule;
