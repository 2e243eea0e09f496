package jp.mamori.app.detection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    @JsonPropertyOrder({"id", "kind", "value", "note", "addedBy", "addedAt"})
    public record Allow(long id, String kind, String value, String note, String addedBy, String addedAt) { }

    /** Japanese and English side by side. */
    @JsonPropertyOrder({"ja", "en"})
    public record Bilingual(String ja, String en) { }

    /** One detection with the log lines it rests on. */
    @JsonPropertyOrder({"id", "category", "rule", "severity", "severityJa", "at", "asset", "user", "sessionId", "sourceIps", "destination",
            "bytesOut", "vulnerability", "finding", "summary", "evidence", "incident"})
    public record Detection(long id, String category, String rule, String severity, String severityJa, String at, String asset, String user,
                            String sessionId, List<String> sourceIps, String destination, Long bytesOut, String vulnerability, Long finding,
                            Bilingual summary, List<EvidenceLine> evidence, Long incident) { }

    @JsonPropertyOrder({"file", "line", "text"})
    public record EvidenceLine(String file, long line, String text) { }

    /** An incident: the detections of one user grouped, with what they touched. */
    @JsonPropertyOrder({"id", "users", "detections", "assets", "findings", "vulnerabilities", "sourceIps", "sessions", "categories", "severity",
            "state", "opened", "last"})
    public record Incident(long id, List<String> users, int detections, List<String> assets, List<Long> findings, List<String> vulnerabilities,
                           List<String> sourceIps, List<String> sessions, List<String> categories, String severity, String state, String opened,
                           String last) { }

    public static Allow allow(AllowRow r) {
        return new Allow(r.id(), r.entry().kind().key(), r.entry().value(), r.entry().note(), r.createdBy(), time(r.createdAt()));
    }

    public static Detection detection(DetectionRow r) {
        List<EvidenceLine> ev = new ArrayList<>();
        for (Evidence e : r.evidence()) ev.add(new EvidenceLine(e.file(), e.line(), e.text()));
        return new Detection(r.id(), r.category().key(), r.rule(), r.severity().key(), r.severity().ja(), time(r.at()), r.assetCode(), r.user(),
                r.sessionId(), r.sourceIps(), r.destination(), r.bytesOut(), r.vulnId(), r.findingId(), new Bilingual(r.summaryJa(), r.summaryEn()),
                ev, r.incidentId());
    }

    public static Incident incident(IncidentRow r) {
        return new Incident(r.id(), List.of(r.userKey()), r.detections(), r.assets(), r.findings(), r.vulns(), r.sourceIps(), r.sessions(),
                r.categories(), r.severity().key(), r.state().key(), time(r.opened()), time(r.last()));
    }

    /** The checklist as the JSON documents give it. */
    public static List<Bilingual> checklistJson(IncidentRow r) {
        return checklist(r).stream().map(c -> new Bilingual(c[0], c[1])).toList();
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
