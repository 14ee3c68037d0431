package org.stocktake.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When owners report ({@code stocktake.reporting}): a window around each quarter's end, a
 * reminder before the update is due, a minimum notice so a newly assigned owner is not asked for an
 * update due days later, and how often an overdue item is looked at again, and for how long.
 */
@ConfigurationProperties("stocktake.reporting")
record ReportingSettings(Duration windowOpensBeforeQuarterEnd, Duration dueAfterQuarterEnd,
                         Duration reminderBeforeDue, Duration minimumNotice, Duration overdueCheckEvery, int overdueChecks) {
}
