package org.stocktake.engine.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords are throttled ({@code stocktake.sign-in}): see {@link SignInThrottle}.
 *
 * @param freeAttempts  wrong passwords a person may type from one address before signing in from there is refused
 * @param firstLock     how long that first refusal lasts; each further wrong password doubles it
 * @param longestLock   the longest a refusal lasts, however many wrong passwords came before
 * @param addressLimit  wrong passwords from one address, for anyone, within the window, before the address is refused
 * @param addressWindow the window those are counted in
 */
@ConfigurationProperties("stocktake.sign-in")
record SignInSettings(int freeAttempts, Duration firstLock, Duration longestLock, int addressLimit, Duration addressWindow) {
}
