package org.stocktake.imports;

/**
 * How to import: {@code dryRun} checks the file and reports what would happen without writing;
 * {@code createOrganisations} creates the organisations the file names that do not exist yet,
 * instead of refusing the file.
 */
public record ImportOptions(boolean dryRun, boolean createOrganisations) {
}
