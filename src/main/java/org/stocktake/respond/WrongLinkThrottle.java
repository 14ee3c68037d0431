package org.stocktake.respond;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wrong links, counted by the address they come from: one that opens too many within the window
 * is refused for the rest of it. A token has 256 random bits, so guessing one is hopeless anyway;
 * this keeps anyone from trying at scale, and tells the operator (in the log) that someone is.
 * Kept in memory on each node.
 */
@Component
class WrongLinkThrottle {

    private static final Logger log = LoggerFactory.getLogger(WrongLinkThrottle.class);
    private static final int PRUNE_ABOVE = 10_000;

    private final ResponseLinkSettings settings;
    private final Map<String, Deque<Instant>> wrongLinks = new ConcurrentHashMap<>();

    WrongLinkThrottle(ResponseLinkSettings settings) {
        this.settings = settings;
    }

    boolean refuses(String address, Instant now) {
        return inWindow(address, now) >= settings.wrongLinks();
    }

    void wrong(String address, Instant now) {
        Deque<Instant> times = wrongLinks.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            if (times.size() == settings.wrongLinks()) {
                log.warn("{} wrong response links from {} within {}: links from there are refused for a while", times.size(), address,
                        settings.wrongLinkWindow());
            }
        }
        if (wrongLinks.size() > PRUNE_ABOVE) {
            wrongLinks.keySet().removeIf(key -> inWindow(key, now) == 0);
        }
    }

    private int inWindow(String address, Instant now) {
        Deque<Instant> times = wrongLinks.get(address);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(settings.wrongLinkWindow()))) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
