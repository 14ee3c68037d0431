/**
 * The calendar deadlines are counted in: each nation's bank holidays and working days, and the
 * reporting quarters. Depends on nothing of Stocktake's.
 */
@ApplicationModule(allowedDependencies = {})
package org.stocktake.calendar;

import org.springframework.modulith.ApplicationModule;
