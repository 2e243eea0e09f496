package jp.mamori.triage;

import java.util.Locale;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Japanese words for stored triage keys, the same in every table, export and page.
 * Each returns null for null so that callers choose their own placeholder.
 */
public final class TriageLabels {
    private TriageLabels() { }

    /** "act" → "Act 直ちに対応". */
    public static String outcome(String key) {
        if (key == null) return null;
        Outcome o = Outcome.fromKey(key);
        return o.display() + " " + o.labelJa();
    }

    /** "critical" → 緊急 (IPA/JVN bands). */
    public static String severity(String key) {
        if (key == null) return null;
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "critical" -> "緊急";
            case "high" -> "重要";
            case "medium" -> "警告";
            case "low" -> "注意";
            default -> "なし";
        };
    }

    /** "active" → 悪用確認. */
    public static String exploitation(String key) {
        if (key == null) return null;
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "active" -> "悪用確認";
            case "poc" -> "PoCあり";
            default -> "なし";
        };
    }
}
