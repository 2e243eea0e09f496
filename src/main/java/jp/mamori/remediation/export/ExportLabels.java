package jp.mamori.remediation.export;

import jp.mamori.triage.TriageLabels;


/** Japanese labels for stored keys in exports (what a municipal officer reads in Excel); empty when none. */
final class ExportLabels {
    private ExportLabels() { }

    static String outcome(String key) {
        return orEmpty(TriageLabels.outcome(key));
    }

    static String severity(String s) {
        return orEmpty(TriageLabels.severity(s));
    }

    static String exploitation(String e) {
        return orEmpty(TriageLabels.exploitation(e));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
