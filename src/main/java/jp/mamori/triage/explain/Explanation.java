package jp.mamori.triage.explain;

/** The same explanation of a triage result in Japanese and English. */
public record Explanation(String ja, String en) {
}
