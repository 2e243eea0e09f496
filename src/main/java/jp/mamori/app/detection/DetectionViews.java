package jp.mamori.app.detection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.store.DetectionStore.AllowRow;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;

/**
 * The JSON shapes of detections and incidents (issue 15 contract), the same for the command line
 * and the API; times in Asia/Tokyo with offset.
 */
public final class DetectionViews {
    private DetectionViews() { }

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public static String time(Instant t) {
        return jp.mamori.app.TokyoTime.iso(t);
    }

    /** {@code 2026-11-24 13:05:00 +09:00} (Asia/Tokyo, {@link jp.mamori.app.TokyoTime}), for tables. */
    public static String local(Instant t) {
        return t == null ? "" : jp.mamori.app.TokyoTime.seconds(t);
    }

    /** An allow-list entry ({@code detection allow list --format json} and {@code GET /api/v1/detection/allow}). */
    public static Map<String, Object> allow(AllowRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.entry().kind().key());
        m.put("value", r.entry().value());
        m.put("note", r.entry().note());
        m.put("addedBy", r.createdBy());
        m.put("addedAt", time(r.createdAt()));
        return m;
    }

    public static Map<String, Object> detection(DetectionRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("category", r.category().key());
        m.put("rule", r.rule());
        m.put("severity", r.severity().key());
        m.put("severityJa", r.severity().ja());
        m.put("at", time(r.at()));
        m.put("asset", r.assetCode());
        m.put("user", r.user());
        m.put("sessionId", r.sessionId());
        m.put("sourceIps", r.sourceIps());
        m.put("destination", r.destination());
        m.put("bytesOut", r.bytesOut());
        m.put("vulnerability", r.vulnId());
        m.put("finding", r.findingId());
        m.put("summary", Map.of("ja", r.summaryJa(), "en", r.summaryEn()));
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", e.file());
            x.put("line", e.line());
            x.put("text", e.text());
            ev.add(x);
        }
        m.put("evidence", ev);
        m.put("incident", r.incidentId());
        return m;
    }

    public static Map<String, Object> incident(IncidentRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("users", List.of(r.userKey()));
        m.put("detections", r.detections());
        m.put("assets", r.assets());
        m.put("findings", r.findings());
        m.put("vulnerabilities", r.vulns());
        m.put("sourceIps", r.sourceIps());
        m.put("sessions", r.sessions());
        m.put("categories", r.categories());
        m.put("severity", r.severity().key());
        m.put("state", r.state().key());
        m.put("opened", time(r.opened()));
        m.put("last", time(r.last()));
        return m;
    }

    /** The boundary device's post-compromise checklist (Japanese first). */
    public static List<String[]> checklist(IncidentRow r) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"ゲートウェイの全セッションを切断する（NetScaler: kill aaa session -all / kill icaconnection -all / kill rdp connection -all）",
                "Revoke every session on the gateway (NetScaler: kill aaa session -all, kill icaconnection -all, kill rdp connection -all)"});
        out.add(new String[] {"影響を受けた利用者（" + r.userKey() + "）のパスワードと多要素認証を再設定する",
                "Reset the credentials and MFA of the affected user (" + r.userKey() + ")"});
        out.add(new String[] {"脆弱性" + (r.vulns().isEmpty() ? "" : "（" + String.join(", ", r.vulns()) + "）") + "の公開日以降のログを確認し、修正版を適用する",
                "Review the logs since the vulnerability's publication" + (r.vulns().isEmpty() ? "" : " (" + String.join(", ", r.vulns()) + ")") + " and apply the fixed version"});
        out.add(new String[] {"送信先のオンラインストレージ事業者へ削除・保全を依頼し、送信された情報の重要度を確認する",
                "Ask the storage provider to preserve and delete the uploaded data; establish the importance of what was sent"});
        out.add(new String[] {"情報セキュリティ責任者へ報告し、インシデント対応事業者へ連絡する", "Report to the CISO and call the incident-response partner"});
        return out;
    }
}
