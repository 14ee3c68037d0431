package org.stocktake.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits on import files ({@code stocktake.imports}); a larger file is refused with 413. */
@ConfigurationProperties("stocktake.imports")
record ImportSettings(DataSize maxSize) {
}
