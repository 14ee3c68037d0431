package org.stocktake.engine.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from {@code STOCKTAKE_ADMIN_USER} and {@code STOCKTAKE_ADMIN_PASSWORD}.
 * Nothing has a default password; the demo profile sets {@code demo}/{@code demo}. Without them,
 * and with no administrator in the database yet, Stocktake does not start, unless
 * {@code STOCKTAKE_ADMIN_FIRST_USER_SETUP=true} says that Camunda Admin's first-user setup is
 * wanted: then whoever opens Camunda Admin first becomes the administrator.
 */
@ConfigurationProperties("stocktake.admin")
record AdminSettings(String user, String password, boolean firstUserSetup) {
}
