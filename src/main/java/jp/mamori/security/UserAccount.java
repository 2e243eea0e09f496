package jp.mamori.security;

import java.time.Instant;
import java.util.Set;

/**
 * An account as the application sees it. A VENDOR account is bound to its vendor record
 * ({@code vendorId}; {@code vendorName} is that record's name as given when the account was made).
 * Deliberately without the password hash and the TOTP
 * secret, so that printing or serialising an account can never leak them.
 */
public record UserAccount(long id, String username, String displayName, Role role, Long organizationId, boolean enabled,
                          boolean mustChangePassword, boolean totpEnabled, int failedAttempts, Instant lockedUntil,
                          Instant lastLoginAt, boolean ciso, String vendorName, Long vendorId, Set<Long> systemIds, Instant createdAt) {

    public UserAccount {
        systemIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(systemIds == null ? Set.of() : systemIds));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** TOTP is required (administrators, security officers) or was turned on by the user. */
    public boolean needsTotp() {
        return totpEnabled || role.totpRequired();
    }

    public AccessScope scope() {
        return AccessScope.of(this);
    }
}
