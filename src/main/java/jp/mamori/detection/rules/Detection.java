package jp.mamori.detection.rules;

import java.time.Instant;
import java.util.List;

/**
 * What a rule found, with the lines that made it fire. {@code user} is the compared user key
 * (lower case, no domain); {@code assetCode} the device whose log it came from (null when not given).
 */
public record Detection(String rule, Category category, Severity severity, Instant at, String assetCode, String user,
                        String sessionId, List<String> sourceIps, String destination, long bytesOut,
                        String summaryJa, String summaryEn, String vulnId, List<Evidence> evidence, String fingerprint) {

    public static final int MAX_EVIDENCE = 20;

    public Detection {
        sourceIps = List.copyOf(sourceIps);
        evidence = List.copyOf(evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence);
    }

    public Detection withSeverity(Severity s, String noteJa, String noteEn) {
        return new Detection(rule, category, s, at, assetCode, user, sessionId, sourceIps, destination, bytesOut,
                summaryJa + noteJa, summaryEn + noteEn, vulnId, evidence, fingerprint);
    }
}
