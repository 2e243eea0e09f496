package jp.mamori.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address (password, TOTP code, API token): at most {@code capacity}
 * failures, refilled over {@code period}. Per-account lockout stops guessing one account; this
 * stops one address from trying many accounts (password spraying). Only failures count, so an
 * office behind one proxy address can still sign in by the hundred. The table is bounded (least
 * recently used addresses are dropped).
 */
public final class SignInRateLimiter {

    private static final int MAX_ADDRESSES = 10_000;

    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public SignInRateLimiter(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    private synchronized Bucket bucket(String address) {
        return buckets.computeIfAbsent(address == null ? "?" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }

    /** True when this address has used up its failures: refuse without checking anything. */
    public boolean blocked(String address) {
        return bucket(address).getAvailableTokens() <= 0;
    }

    public void recordFailure(String address) {
        bucket(address).tryConsume(1);
    }
}
