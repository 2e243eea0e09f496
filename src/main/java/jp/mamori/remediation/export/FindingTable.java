package jp.mamori.remediation.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.mitigation.Mitigation;

/**
 * The rows of the three tables an export holds — findings (検出), decisions (対応判断) and
 * mitigations (回避策) — as typed cells, shared by the .xlsx and the CSV writer.
 */
final class FindingTable {

    /** The findings table, in the order officers asked for; 検出ID last so the file maps back to Mamori. */
    static final List<String> FINDING_HEADERS = List.of("対応", "期限", "脆弱性", "資産", "情報システム", "コンポーネント", "版", "修正版",
            "深刻度", "CVSS", "悪用", "状態", "判断", "理由", "判断者", "承認者", "期限・見直し日", "回避策", "なぜ（説明）", "期限の根拠", "検出ID");

    /** The same columns for a reader who chose English. */
    static final List<String> FINDING_HEADERS_EN = List.of("Outcome", "Deadline", "Vulnerability", "Asset", "System", "Component", "Version",
            "Fixed in", "Severity", "CVSS", "Exploitation", "State", "Decision", "Reason", "Decided by", "Approver", "Until / review on",
            "Mitigations", "Why (explanation)", "Deadline basis", "Finding ID");

    static final List<String> DECISION_HEADERS = List.of("判断ID", "検出ID", "脆弱性", "資産", "コンポーネント", "判断", "変更前の状態",
            "変更後の状態", "理由", "VEX根拠", "判断者", "承認者", "判断日時", "期限・見直し日", "根拠リンク", "有効");

    static final List<String> MITIGATION_HEADERS = List.of("回避策ID", "検出ID", "脆弱性", "資産", "出典", "項目", "項目（英語）", "詳細",
            "URL", "状態", "担当", "見直し日", "更新日時", "更新者");

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FindingTable() { }

    static List<List<Object>> findings(ExportData data) {
        return findings(data, false);
    }

    static List<List<Object>> findings(ExportData data, boolean english) {
        List<List<Object>> out = new ArrayList<>();
        for (FindingRow r : data.findings()) {
            StoredDecision d = data.current().get(r.id());
            List<Mitigation> ms = data.mitigations().getOrDefault(r.id(), List.of());
            List<String> mitigations = new ArrayList<>();
            for (Mitigation m : ms) mitigations.add("[" + m.status().ja() + "] " + m.titleJa());
            out.add(row(ExportLabels.outcome(r.outcome()), r.due(), r.vulnId(), r.assetName() + "（" + r.assetCode() + "）", r.systemName(),
                    r.componentName(), r.componentVersion(), r.fixedIn(), ExportLabels.severity(r.severity()), r.cvssScore(),
                    ExportLabels.exploitation(r.exploitation()), FindingState.fromKey(r.state()).ja(),
                    d == null ? null : d.action().ja(), d == null ? null : d.reason(), d == null ? null : d.actor(),
                    d == null ? null : d.approver(), d == null ? null : d.until(), String.join("\n", mitigations),
                    data.explanation(r.id(), english), data.deadlineReason(r).text(english), r.id()));
        }
        return out;
    }

    static List<List<Object>> decisions(ExportData data) {
        List<List<Object>> out = new ArrayList<>();
        for (StoredDecision d : data.decisions()) {
            FindingRow r = data.finding(d.findingId());
            out.add(row(d.id(), d.findingId(), d.vulnId(), r == null ? null : r.assetCode(), r == null ? null : component(r),
                    d.action().ja(), d.fromState().ja(), d.toState().ja(), d.reason(), d.justification(), d.actor(), d.approver(),
                    DATE_TIME.format(d.decidedAt().atZone(TOKYO)), d.until(), String.join("\n", d.evidenceLinks()),
                    d.current() ? "有効" : "終了: " + d.supersededReason()));
        }
        return out;
    }

    static List<List<Object>> mitigations(ExportData data) {
        List<List<Object>> out = new ArrayList<>();
        for (FindingRow r : data.findings()) {
            for (Mitigation m : data.mitigations().getOrDefault(r.id(), List.of())) {
                out.add(row(m.id(), r.id(), r.vulnId(), r.assetCode(), m.source().ja(), m.titleJa(), m.titleEn(), m.details(), m.url(),
                        m.status().ja(), m.owner(), m.reviewDate(), DATE_TIME.format(m.updatedAt().atZone(TOKYO)), m.updatedBy()));
            }
        }
        return out;
    }

    private static String component(FindingRow r) {
        if (r.componentName() == null) return null;
        return r.componentName() + (r.componentVersion() == null ? "" : " " + r.componentVersion());
    }

    /** Cells: String, Number or LocalDate (null for empty). */
    private static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>(cells.length);
        for (Object c : cells) r.add(c instanceof LocalDate || c instanceof Number || c == null ? c : c.toString());
        return r;
    }
}
