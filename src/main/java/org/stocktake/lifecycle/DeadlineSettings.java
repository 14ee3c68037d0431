package org.stocktake.lifecycle;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many working days a task that waits on the secretariat or the board has, from the day it
 * opens ({@code stocktake.deadlines.working-days}), by the task's form key, e.g.
 * {@code assign-owner: 5}. Responses and updates have their own dates (ResponseSettings,
 * ReportingSettings).
 */
@ConfigurationProperties("stocktake.deadlines")
record DeadlineSettings(Map<String, Integer> workingDays) {
}
