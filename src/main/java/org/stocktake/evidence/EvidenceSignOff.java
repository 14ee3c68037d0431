package org.stocktake.evidence;

import java.time.OffsetDateTime;

/** The fingerprint of one file as the board saw it when it signed off a closure. */
public record EvidenceSignOff(long evidenceId, String fileName, String sha256, String signedOffBy, OffsetDateTime signedOffAt) {
}
