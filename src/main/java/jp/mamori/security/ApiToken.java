package jp.mamori.security;

import java.time.Instant;
import java.util.Set;

/** An API token as stored: never the token itself, only its first characters for recognising it. */
public record ApiToken(long id, long userId, String username, String name, String prefix, Set<String> scopes, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt, Instant createdAt) {

    public ApiToken {
        scopes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(scopes));
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public Status status(Instant now) {
        if (revokedAt != null) return Status.REVOKED;
        if (!expiresAt.isAfter(now)) return Status.EXPIRED;
        return Status.ACTIVE;
    }
}
