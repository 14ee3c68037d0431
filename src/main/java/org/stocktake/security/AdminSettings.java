package org.stocktake.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from {@code STOCKTAKE_ADMIN_USER} and {@code STOCKTAKE_ADMIN_PASSWORD}.
 * Unset, there is none: Camunda Admin then offers its first-user setup. Nothing has a default
 * password; the demo profile sets {@code demo}/{@code demo}.
 */
@ConfigurationProperties("stocktake.admin")
record AdminSettings(String user, String password) {
}
