package org.stocktake.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Passwords checked against the engine's users a moment ago, so that a script calling the APIs
 * many times a second with HTTP Basic is not checked against the database (or the directory) on
 * every call. It remembers the password check only: groups are read on every call as before, so a
 * membership taken away takes its rights with it at the next call, on every node.
 * <ul>
 * <li>Per user it keeps an HMAC of the password under a key this node draws at start and never
 * writes anywhere (never the password), and until when it serves:
 * {@code stocktake.sign-in.remember-verified-for}, a minute unless set; zero turns it off.</li>
 * <li>It sits behind the sign-in throttle (ThrottledSignIn): a person and address the throttle
 * refuses are refused before anything remembered is looked at, and a wrong password is never
 * remembered.</li>
 * <li>Every entry is forgotten when a user or a password changes: on the node that changes it,
 * as the change is made and again once it commits; on the others at their next sign-in after
 * {@code stocktake.sign-in.identity-poll} (2 seconds unless set), by the identity generation the
 * change moved on. Passwords changed in an LDAP directory are not seen: there an entry lasts its
 * minute.</li>
 * </ul>
 */
@Component
public class VerifiedCredentials {

    /** A verified password, from when until when it serves. */
    private record Entry(byte[] credential, Instant at, Instant until) {

        /** Serving now; a clock set back before the entry was made (a test's, or a corrected one) ends it too. */
        boolean serves(Instant now) {
            return !now.isBefore(at) && now.isBefore(until);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgotten = new AtomicLong();
    private final SecretKeySpec key;
    private final Duration rememberFor;
    private final Duration poll;
    private final Clock clock;
    private final JdbcClient jdbc;
    private volatile long generationSeen;
    private volatile Instant polledAt;

    VerifiedCredentials(@Value("${stocktake.sign-in.remember-verified-for:PT1M}") Duration rememberFor,
                        @Value("${stocktake.sign-in.identity-poll:PT2S}") Duration poll, Clock clock, JdbcClient jdbc) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.rememberFor = rememberFor;
        this.poll = poll;
        this.clock = clock;
        this.jdbc = jdbc;
        this.polledAt = Instant.MIN;
    }

    /**
     * Whether this is the user's password: as verified within the time an entry serves, or else as
     * {@code check} finds it now, remembered when right.
     */
    public boolean verify(String userId, String password, BooleanSupplier check) {
        Instant now = clock.instant();
        followOtherNodes(now);
        String key = userId.toLowerCase(Locale.ROOT);
        byte[] credential = credential(userId, password);
        Entry entry = entries.get(key);
        if (entry != null && entry.serves(now) && MessageDigest.isEqual(entry.credential(), credential)) {
            return true;
        }
        long forgottenBefore = forgotten.get();
        boolean right = check.getAsBoolean();
        // a check made while everything was being forgotten may have read what the change undid
        if (right && !rememberFor.isZero() && forgotten.get() == forgottenBefore) {
            entries.put(key, new Entry(credential, now, now.plus(rememberFor)));
        }
        return right;
    }

    /**
     * A user or a password changes, in the transaction that changes it: this node forgets now and
     * again when the change commits (a check in between read the old password), and the generation
     * the other nodes follow moves on with the change.
     */
    public void identityChanged() {
        forgetAll();
        jdbc.sql("update identity_generation set generation = generation + 1 where id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetAll();
                }
            });
        }
    }

    /** At most once a poll: forgets everything if another node has changed a user or a password, and drops what is out of date. */
    private void followOtherNodes(Instant now) {
        // a clock set back (a test's, or a corrected one) polls at once rather than when it catches up
        if (!now.isBefore(polledAt) && now.isBefore(polledAt.plus(poll))) {
            return;
        }
        polledAt = now;
        long generation = jdbc.sql("select generation from identity_generation where id = 1").query(Long.class).single();
        if (generation != generationSeen) {
            generationSeen = generation;
            forgetAll();
        }
        entries.values().removeIf(entry -> !entry.serves(now));
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
