package jp.mamori.assessment.report;

import java.util.List;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.triage.TriageResult;

/**
 * Rows for the Japanese table view of a scan, in priority order: the officer reads the first
 * lines to know what to patch first and by when.
 */
public final class ScanTable {

    public static final String[] HEADERS = {"対応", "期限", "脆弱性", "深刻度", "CVSS", "悪用", "コンポーネント", "版", "修正版", "一致根拠"};

    private ScanTable() { }

    public static List<String[]> rows(List<AssessedFinding> sorted) {
        return sorted.stream().filter(f -> !f.suppressed() && !f.candidate()).map(ScanTable::row).toList();
    }

    static String[] row(AssessedFinding f) {
        TriageResult t = f.triage();
        String outcome = t == null ? "-" : t.outcome().display() + " " + t.outcome().labelJa();
        String due = t == null ? "-" : t.dueDate() + (t.overdue() ? " 期限超過" : "");
        String cvss = t == null || t.cvss().baseScore() == null ? "-" : String.valueOf(t.cvss().baseScore())
                + (t.cvss().higherElsewherePresent() ? " (" + t.cvss().higherScore() + ")" : "");
        return new String[] {
                outcome, due, f.match().vulnId(), t == null || t.severityJa() == null ? "-" : t.severityJa(), cvss,
                t == null ? "-" : jp.mamori.triage.TriageLabels.exploitation(t.exploitation().key()) + (f.kev() != null ? " (KEV)" : ""),
                f.target().name(), f.target().version(), f.match().fixedIn().isEmpty() ? "-" : String.join(", ", f.match().fixedIn()),
                f.match().provenance() + " " + f.match().confidence().key()
        };
    }
}
