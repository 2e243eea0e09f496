package jp.mamori.cli;

import jp.mamori.triage.TriageLabels;

/** Japanese labels for stored keys in CLI tables ("-" when there is none). */
final class Labels {
    private Labels() { }

    static String outcome(String key) {
        return orDash(TriageLabels.outcome(key));
    }

    static String severity(String s) {
        return orDash(TriageLabels.severity(s));
    }

    static String exploitation(String e) {
        return orDash(TriageLabels.exploitation(e));
    }

    static String tier(jp.mamori.inventory.scope.Tier t) {
        return t.ja() + "（" + t.key() + "）";
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
