package org.stocktake.respond;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response links ({@code stocktake.response-links}).
 *
 * @param validFor       how long a link works once issued: a coroner's 56 days for a response, plus a margin
 * @param wrongLinks     wrong links one address may open within the window before it is refused for the rest of it
 * @param wrongLinkWindow the window those are counted in
 */
@ConfigurationProperties("stocktake.response-links")
record ResponseLinkSettings(Duration validFor, int wrongLinks, Duration wrongLinkWindow) {
}
