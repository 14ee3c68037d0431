package org.stocktake.evidence;

import java.util.List;

/**
 * A file's content fingerprinted again now, against what was recorded: when it was received, and
 * at each sign-off that saw it. {@code intact} only when every one matches.
 */
public record EvidenceCheck(EvidenceFile file, String sha256Now, List<EvidenceSignOff> signOffs, boolean intact) {
}
