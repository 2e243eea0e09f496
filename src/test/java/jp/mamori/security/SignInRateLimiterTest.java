package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed sign-ins per address: only failures count, each address on its own. */
class SignInRateLimiterTest {

    @Test
    void anAddressIsBlockedAfterItsFailuresAndOthersAreNot() {
        SignInRateLimiter limiter = new SignInRateLimiter(3, Duration.ofMinutes(10));
        for (int i = 0; i < 100; i++) assertThat(limiter.blocked("192.0.2.1")).isFalse();
        limiter.recordFailure("192.0.2.1");
        limiter.recordFailure("192.0.2.1");
        assertThat(limiter.blocked("192.0.2.1")).isFalse();
        limiter.recordFailure("192.0.2.1");
        assertThat(limiter.blocked("192.0.2.1")).isTrue();
        assertThat(limiter.blocked("192.0.2.2")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(jp.mamori.testsupport.TestDatabases.Kind.class)
    void failuresCountedInTheDatabaseAreSeenByEveryNode(jp.mamori.testsupport.TestDatabases.Kind kind) {
        try (jp.mamori.persistence.Database db = jp.mamori.persistence.Database.open(jp.mamori.testsupport.TestDatabases.settings(kind))) {
            java.time.Instant[] now = {java.time.Instant.parse("2026-12-03T00:00:00Z")};
            java.time.Clock clock = new java.time.Clock() {
                @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
                @Override public java.time.Clock withZone(java.time.ZoneId z) { return this; }
                @Override public java.time.Instant instant() { return now[0]; }
            };
            SignInRateLimiter nodeA = SignInRateLimiter.shared(db.dataSource(), 3, Duration.ofMinutes(10), clock);
            SignInRateLimiter nodeB = SignInRateLimiter.shared(db.dataSource(), 3, Duration.ofMinutes(10), clock);
            nodeA.recordFailure("192.0.2.1");
            nodeB.recordFailure("192.0.2.1");
            assertThat(nodeA.blocked("192.0.2.1")).isFalse();
            nodeA.recordFailure("192.0.2.1");
            assertThat(nodeB.blocked("192.0.2.1")).as("failures on A count on B").isTrue();
            assertThat(nodeB.blocked("192.0.2.2")).isFalse();
            now[0] = now[0].plus(Duration.ofMinutes(11));
            assertThat(nodeA.blocked("192.0.2.1")).as("the window passed").isFalse();
        }
    }

    @Test
    void totpCodesFollowRfc6238() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890" (base32 below), 8 digits there; 6 here = last 6
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(secret, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.verify(secret, "287 082", java.time.Instant.ofEpochSecond(59), null)).hasValue(1);
        assertThat(Totp.verify(secret, "287082", java.time.Instant.ofEpochSecond(59), 1L)).isEmpty();
        assertThat(Totp.verify(secret, "28708", java.time.Instant.ofEpochSecond(59), null)).isEmpty();
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
