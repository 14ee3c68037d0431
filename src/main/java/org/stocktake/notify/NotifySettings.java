package org.stocktake.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are sent ({@code stocktake.notify}): the address links point to, the sender
 * address, how often the outbox is drained, and the backoff after a failed delivery. The SMTP
 * server itself is Spring's {@code spring.mail.*} (SPRING_MAIL_HOST, SPRING_MAIL_PORT, …).
 */
@ConfigurationProperties("stocktake.notify")
record NotifySettings(String baseUrl, String from, Duration sendEvery, Duration firstRetryAfter, Duration maxRetryAfter) {

    /** The wait after the given number of failed attempts: doubling from the first, up to the maximum. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
