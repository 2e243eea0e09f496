package jp.mamori.audit;

import java.time.Instant;

/**
 * One entry of the audit trail. {@code id} is its position in the chain (1, 2, 3, ...);
 * {@code organizationId} is null for instance-level events (e.g. the instance administrator's).
 */
public record AuditEvent(long id, Instant at, String actor, Long organizationId, String action, String target, String detail,
                         String prevHash, String hash) { }
