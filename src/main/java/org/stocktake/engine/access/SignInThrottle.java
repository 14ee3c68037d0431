package org.stocktake.engine.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong passwords, throttled where they come from rather than against the person they name. The
 * engine's own lock is per person: five wrong guesses by anyone lock the person out, so anyone
 * could keep the board locked out for good. Here, after {@code freeAttempts} wrong passwords for a
 * person from one address, signing in as that person from that address is refused for a minute,
 * twice as long after each further wrong one, up to {@code longestLock}; the person signs in from
 * anywhere else as usual, and a right password from the address starts it afresh. An address that
 * sends {@code addressLimit} wrong passwords within the window, for anyone, is refused until it
 * falls below the limit, so one address cannot guess through many names.
 * <p>
 * Kept in memory on each node: a restart forgets it, and with several nodes each counts its own.
 */
final class SignInThrottle {

    /** Entries beyond this many are pruned of those that no longer refuse anything. */
    private static final int PRUNE_ABOVE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInSettings settings;
    private final Map<String, PersonAtAddress> people = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    SignInThrottle(SignInSettings settings) {
        this.settings = settings;
    }

    /** Whether a sign-in as this person from this address is refused now, before its password is looked at. */
    boolean refuses(String userId, String address, Instant now) {
        PersonAtAddress person = people.get(key(userId, address));
        if (person != null && person.lockedUntil != null && now.isBefore(person.lockedUntil)) {
            return true;
        }
        return failuresInWindow(address, now) >= settings.addressLimit();
    }

    void failed(String userId, String address, Instant now) {
        PersonAtAddress person = people.computeIfAbsent(key(userId, address), key -> new PersonAtAddress());
        synchronized (person) {
            person.failures++;
            if (person.failures >= settings.freeAttempts()) {
                Duration lock = lock(person.failures - settings.freeAttempts());
                person.lockedUntil = now.plus(lock);
                log.warn("{} wrong passwords for {} from {}: signing in as {} from there is refused for {}", person.failures, userId,
                        address, userId, lock);
            }
        }
        Deque<Instant> failures = addresses.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(now);
            if (failures.size() == settings.addressLimit()) {
                log.warn("{} wrong passwords from {} within {}: signing in from there is refused for a while", failures.size(), address,
                        settings.addressWindow());
            }
        }
        if (people.size() > PRUNE_ABOVE || addresses.size() > PRUNE_ABOVE) {
            prune(now);
        }
    }

    void succeeded(String userId, String address) {
        people.remove(key(userId, address));
    }

    /** The first lock, doubled for each wrong password after it, at most the longest. */
    private Duration lock(int doublings) {
        Duration lock = settings.firstLock();
        for (int i = 0; i < doublings && lock.compareTo(settings.longestLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : lock;
    }

    private int failuresInWindow(String address, Instant now) {
        Deque<Instant> failures = addresses.get(address);
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(settings.addressWindow()))) {
                failures.removeFirst();
            }
            return failures.size();
        }
    }

    private void prune(Instant now) {
        people.values().removeIf(person -> person.lockedUntil == null || !now.isBefore(person.lockedUntil.plus(settings.longestLock())));
        addresses.keySet().removeIf(address -> failuresInWindow(address, now) == 0);
    }

    private static String key(String userId, String address) {
        return userId + "\n" + address;
    }

    private static final class PersonAtAddress {
        int failures;
        Instant lockedUntil;
    }
}
