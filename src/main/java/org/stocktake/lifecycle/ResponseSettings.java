package org.stocktake.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When addressees are reminded before their response deadline ({@code stocktake.response}): a
 * first and a last reminder, e.g. 28 and 7 days before a coroner's 56-day deadline.
 */
@ConfigurationProperties("stocktake.response")
record ResponseSettings(Duration firstReminderBeforeDeadline, Duration lastReminderBeforeDeadline) {
}
