package org.stocktake.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long addressees have to respond, by review kind ({@code stocktake.response.periods}):
 * a coroner's PFD report must be answered within 56 days of receipt.
 */
@ConfigurationProperties("stocktake.response")
record ResponsePeriods(Map<ReviewKind, Duration> periods) {

    LocalDate dueOn(ReviewKind kind, LocalDate from) {
        Duration period = periods.get(kind);
        if (period == null) {
            throw new IllegalStateException("No response period configured for " + kind + " (stocktake.response.periods)");
        }
        return from.plusDays(period.toDays());
    }
}
