package jp.mamori.remediation.export;

import java.util.Locale;
import jp.mamori.triage.ssvc.Outcome;

/** Japanese labels for stored keys in exports (what a municipal officer reads in Excel). */
final class ExportLabels {
    private ExportLabels() { }

    static String outcome(String key) {
        if (key == null) return "";
        Outcome o = Outcome.fromKey(key);
        return o.display() + " " + o.labelJa();
    }

    static String severity(String s) {
        if (s == null) return "";
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "critical" -> "緊急";
            case "high" -> "重要";
            case "medium" -> "警告";
            case "low" -> "注意";
            default -> "なし";
        };
    }

    static String exploitation(String e) {
        if (e == null) return "";
        return switch (e) {
            case "active" -> "悪用確認";
            case "poc" -> "PoCあり";
            default -> "なし";
        };
    }
}
