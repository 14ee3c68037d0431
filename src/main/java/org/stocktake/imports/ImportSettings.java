package org.stocktake.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Imports ({@code stocktake.imports}): the largest file taken (a larger one is refused with 413),
 * and how long a running import may go without reporting progress before it counts as failed.
 */
@ConfigurationProperties("stocktake.imports")
record ImportSettings(DataSize maxSize, Duration silentAfter) {
}
