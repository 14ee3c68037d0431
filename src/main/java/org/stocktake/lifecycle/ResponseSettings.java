package org.stocktake.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long before the response deadline an addressee is reminded ({@code stocktake.response}). */
@ConfigurationProperties("stocktake.response")
record ResponseSettings(Duration reminderBeforeDeadline) {
}
