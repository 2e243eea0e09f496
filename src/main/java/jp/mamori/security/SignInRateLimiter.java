package jp.mamori.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Failed sign-ins per client address (password, TOTP code, API token): at most {@code capacity}
 * failures within {@code period}. Per-account lockout stops guessing one account; this stops one
 * address from trying many accounts (password spraying). Only failures count, so an office behind
 * one proxy address can still sign in by the hundred.
 *
 * <p>The server counts in the database (table {@code sign_in_failure}), so that every node behind
 * the load balancer sees the same count (ADR 0016); {@link #inMemory} keeps a bounded table of token
 * buckets in this JVM (least recently used addresses are dropped).
 */
public final class SignInRateLimiter {

    private static final int MAX_ADDRESSES = 10_000;

    private final long capacity;
    private final Duration period;
    private final DataSource database;
    private final Clock clock;
    private final AtomicLong failuresSincePurge = new AtomicLong();
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    private SignInRateLimiter(long capacity, Duration period, DataSource database, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.database = database;
        this.clock = clock;
    }

    /** In this JVM only (one server, tests). */
    public SignInRateLimiter(long capacity, Duration period) {
        this(capacity, period, null, Clock.systemUTC());
    }

    public static SignInRateLimiter inMemory(long capacity, Duration period) {
        return new SignInRateLimiter(capacity, period);
    }

    /** Counted in the database, shared by every node. */
    public static SignInRateLimiter shared(DataSource database, long capacity, Duration period, Clock clock) {
        return new SignInRateLimiter(capacity, period, database, clock);
    }

    private synchronized Bucket bucket(String address) {
        return buckets.computeIfAbsent(key(address), a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }

    private static String key(String address) {
        if (address == null) return "?";
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** True when this address has used up its failures: refuse without checking anything. */
    public boolean blocked(String address) {
        if (database == null) return bucket(address).getAvailableTokens() <= 0;
        Instant since = clock.instant().minus(period);
        try (Connection c = database.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sign_in_failure WHERE address = ? AND failed_at > ?")) {
            ps.setString(1, key(address));
            ps.setObject(2, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= capacity;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    public void recordFailure(String address) {
        if (database == null) {
            bucket(address).tryConsume(1);
            return;
        }
        Instant now = clock.instant();
        try (Connection c = database.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sign_in_failure (address, failed_at) VALUES (?, ?)")) {
                ps.setString(1, key(address));
                ps.setObject(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
            if (failuresSincePurge.incrementAndGet() % 100 == 0) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM sign_in_failure WHERE failed_at < ?")) {
                    del.setObject(1, java.time.OffsetDateTime.ofInstant(now.minus(period), java.time.ZoneOffset.UTC));
                    del.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
