package jp.mamori.partners;

import java.time.Instant;

/** An issued readiness report: immutable, dated, with the SHA-256 of its canonical JSON body. */
public record ReadinessSnapshot(long id, long organizationId, Instant issuedAt, String issuedBy, String sha256, String body, ReadinessReport report) {

    /** Whether the stored body still hashes to the recorded value. */
    public boolean intact() {
        return ContractDocument.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).equals(sha256);
    }
}
