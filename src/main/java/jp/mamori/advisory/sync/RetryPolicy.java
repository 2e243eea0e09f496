package jp.mamori.advisory.sync;

import java.time.Duration;

/**
 * Bounded exponential back-off with jitter for transient HTTP failures (403/429/503 from NVD's
 * rate limiter, 500/502/504, I/O errors). A server's Retry-After wins over the computed delay but is
 * capped at {@code maxRetryAfter}, so that a misbehaving server cannot stall a sync for hours.
 *
 * @param maxAttempts   total attempts of one request, including the first (≥ 1)
 * @param initialDelay  delay before the second attempt
 * @param maxDelay      cap of the computed delay
 * @param jitter        0..1: the fraction of the delay that is random (0.5: between 50 % and 100 % of it)
 * @param maxRetryAfter cap of a server's Retry-After
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(90), 0.5, Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("retry.maxAttempts must be at least 1");
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("retry.jitter must be between 0 and 1");
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /**
     * The delay after failed attempt number {@code attempt} (1-based).
     *
     * @param random a value in [0, 1)
     */
    public Duration backoff(int attempt, double random) {
        long base = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        long d = base;
        for (int i = 1; i < attempt && d < cap; i++) d = Math.min(cap, d * 2);
        d = Math.min(cap, d);
        long jittered = Math.round(d * (1.0 - jitter) + d * jitter * random);
        return Duration.ofMillis(Math.max(0, jittered));
    }
}
