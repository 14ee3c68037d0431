/**
 * Registers in and out as CSV: the import (checked whole, then written in one transaction, or in
 * the background with its progress), the export in the same format, and what each import brought.
 * Writes the register only through the review module's service; an imported recommendation's
 * process starts from the event it publishes.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "jdbc", "review", "security", "web"})
package org.stocktake.imports;

import org.springframework.modulith.ApplicationModule;
