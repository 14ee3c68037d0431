package org.stocktake.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Evidence files ({@code stocktake.evidence}): the largest file taken. */
@ConfigurationProperties("stocktake.evidence")
record EvidenceSettings(DataSize maxSize) {
}
