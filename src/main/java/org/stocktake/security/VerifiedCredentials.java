package org.stocktake.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Passwords checked against the engine's users a moment ago, so that a script calling the APIs
 * many times a second with HTTP Basic is not checked against the database (or the directory) on
 * every call. Per user it keeps an HMAC of the password under a key this node draws at start and
 * never writes anywhere (never the password), the groups (and tenants) found with it, and when.
 * <ul>
 * <li>An entry serves for {@code stocktake.sign-in.remember-verified-for}, a minute unless set;
 * zero turns remembering off.</li>
 * <li>A wrong password is never kept: it goes to the engine, which counts it towards locking the
 * user, as before.</li>
 * <li>Every entry is forgotten when a user, a password or a membership changes: at once on the
 * node that makes the change (the engine's identity commands call {@link #identityChanged}), and
 * on the others within {@code stocktake.sign-in.identity-poll} (2 seconds unless set), by the
 * identity generation every node polls. Changes made in an LDAP directory are not seen: there an
 * entry lasts its minute.</li>
 * </ul>
 */
@Component
public class VerifiedCredentials {

    /** One user's password as verified, and what was found with it. */
    public record Verified(String userId, List<String> groups, List<String> tenants) {
    }

    private record Entry(byte[] credential, Verified verified, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration rememberFor;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final AtomicLong forgotten = new AtomicLong();
    private volatile long generationSeen;

    VerifiedCredentials(@Value("${stocktake.sign-in.remember-verified-for:PT1M}") Duration rememberFor, Clock clock, JdbcClient jdbc) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.rememberFor = rememberFor;
        this.clock = clock;
        this.jdbc = jdbc;
        this.generationSeen = generation();
    }

    /**
     * The user as verified with this password within the time an entry serves, or else as
     * {@code verify} finds them now (empty when the password is wrong), remembered if found.
     */
    public Optional<Verified> verify(String userId, String password, Supplier<Optional<Verified>> verify) {
        byte[] credential = credential(userId, password);
        Entry entry = entries.get(userId);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.until()) && MessageDigest.isEqual(entry.credential(), credential)) {
            return Optional.of(entry.verified());
        }
        long forgottenBefore = forgotten.get();
        Optional<Verified> found = verify.get();
        // what was verified while everything was being forgotten may be what the change undid
        if (found.isPresent() && !rememberFor.isZero() && forgotten.get() == forgottenBefore) {
            entries.put(userId, new Entry(credential, found.get(), now.plus(rememberFor)));
        }
        return found;
    }

    /**
     * A user, a password or a membership changes, in the transaction that changes it: this node
     * forgets at once, and the generation the other nodes poll moves on with the change.
     */
    public void identityChanged() {
        forgetAll();
        jdbc.sql("update identity_generation set generation = generation + 1 where id = 1").update();
    }

    /** Forgets everything once another node has changed a user, a password or a membership, and drops what is out of date. */
    @Scheduled(fixedDelayString = "${stocktake.sign-in.identity-poll:PT2S}")
    public void followOtherNodes() {
        long generation = generation();
        if (generation != generationSeen) {
            generationSeen = generation;
            forgetAll();
        }
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
    }

    private long generation() {
        return jdbc.sql("select generation from identity_generation where id = 1").query(Long.class).single();
    }

    private void forgetAll() {
        forgotten.incrementAndGet();
        entries.clear();
    }

    private byte[] credential(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((userId + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
