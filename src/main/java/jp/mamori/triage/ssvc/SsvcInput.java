package jp.mamori.triage.ssvc;

import java.util.Objects;

/**
 * One decision-point value with where it came from, so that every finding can show its inputs and
 * their sources.
 *
 * @param value      the value used
 * @param source     short origin: "kev", "jvn", "nvd-reference", "epss", "cvss:nvd 3.1", "asset",
 *                   "policy", "override:&lt;who&gt;", ...
 * @param evidence   the facts behind it, language-neutral (dates, vector, scores, URLs)
 * @param overridden true when a person set the value for this finding
 */
public record SsvcInput<T extends Enum<T> & SsvcValue>(T value, String source, String evidence, boolean overridden) {
    public SsvcInput {
        Objects.requireNonNull(value, "value");
        source = source == null ? "" : source;
        evidence = evidence == null ? "" : evidence;
    }

    public static <T extends Enum<T> & SsvcValue> SsvcInput<T> derived(T value, String source, String evidence) {
        return new SsvcInput<>(value, source, evidence, false);
    }
}
