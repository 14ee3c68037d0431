package org.stocktake.imports;

import java.time.OffsetDateTime;

/**
 * An import and how far it has got. A dry run is reported the same way, without an id: what
 * would be created and what is already there unchanged.
 */
public record ImportJob(Long id, String fileName, Status status, int total, int processed, int created, int unchanged,
                        String failure, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    public enum Status {
        /** A dry run: the file was checked and nothing written. */
        CHECKED,
        RUNNING,
        COMPLETED,
        /** Rolled back as a whole: nothing of it was written. */
        FAILED
    }
}
