package org.stocktake.imports;

/** Told how far an import has got: every {@value RegisterImport#PROGRESS_EVERY} rows and at the end. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (processed, total) -> {
    };

    void rowsDone(int processed, int total);
}
