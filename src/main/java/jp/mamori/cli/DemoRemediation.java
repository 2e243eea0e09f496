package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingHistory;
import jp.mamori.remediation.mitigation.Mitigation;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo's remediation scene: the security officer decides on the telework gateway's KEV-listed
 * vulnerability "mitigate now, patch within two weeks"; the post-compromise checklist appears on it and
 * the decision is notified (by e-mail when an SMTP server is configured).
 */
final class DemoRemediation {

    static final String OFFICER = "sec-officer";
    static final String OFFICER_EMAIL = "sec-officer@city.moriri.example";
    static final String GATEWAY = "vpn-gw-01";
    static final String GATEWAY_CVE = "CVE-2023-4966";

    private DemoRemediation() { }

    static void run(Database d, Organization org, RemediationContext ctx) {
        ensureOfficer(d, org);
        Optional<Long> finding = gatewayFinding(d, org);
        if (finding.isEmpty()) {
            System.out.println("注意 / note: " + GATEWAY + " の " + GATEWAY_CVE + " が検出されていません / no such finding");
            return;
        }
        long id = finding.get();
        FindingHistory history = ctx.mamori.findingHistory();
        if (history.currentDecision(org.id(), id).isEmpty()) {
            LocalDate patchBy = ctx.today().plusDays(14);
            String who = DemoCommand.DEMO.name();
            var decided = ctx.mamori.decideFinding().run(DemoCommand.DEMO, org.id(), id, new Decision(DecisionAction.MITIGATE,
                    "直ちにベンダーの回避策を適用し、全セッションを切断する。" + patchBy + " までにパッチを適用する。",
                    who, null, patchBy, List.of("https://support.citrix.com/article/CTX579459"), null));
            DecisionResult r = decided.decision();
            RemediationContext.report(decided.notifications());
            System.out.println("\n対応判断 / decision: 検出 #" + id + " " + GATEWAY_CVE + "（" + GATEWAY + "）→ " + r.to().ja()
                    + "、パッチ期限 " + patchBy + "（判断者 " + who + "：デモの記録 / recorded by the demo）");
        } else {
            System.out.println("\n対応判断は記録済みです / decision already recorded: 検出 #" + id);
        }
        System.out.println("回避策・侵害確認チェックリスト / mitigations and post-compromise checklist:");
        for (Mitigation item : ctx.mitigations.list(org.id(), id)) {
            System.out.println("  [" + item.status().ja() + "] " + item.titleJa() + (item.reviewDate() == null ? "" : "（見直し " + item.reviewDate() + "）"));
        }
        var report = ctx.scheduler().processChanges(ctx.clock);
        RemediationContext.report(report);
        if (ctx.smtp().isEmpty()) {
            System.out.println("メール通知を送るには MAMORI_SMTP_HOST（と MAMORI_SMTP_PORT, MAMORI_SMTP_FROM）を設定してください"
                    + " / set MAMORI_SMTP_HOST (and _PORT, _FROM) to send e-mail");
        }
    }

    /** The demo officer; the security capability may have created it already (then only a missing e-mail is filled in). */
    private static void ensureOfficer(Database d, Organization org) {
        d.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, email FROM app_user WHERE username = ?")) {
                ps.setString(1, OFFICER);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getString(2) == null) setEmail(c, rs.getLong(1));
                        return null;
                    }
                }
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            // Nobody knows this password: the account signs in only after an administrator sets one.
            String hash = new BCryptPasswordEncoder().encode(Base64.getEncoder().encodeToString(secret));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, display_name, password_hash, role, organization_id, "
                    + "enabled, must_change_password, email) VALUES (?, ?, ?, 'SECURITY_OFFICER', ?, TRUE, TRUE, ?)")) {
                ps.setString(1, OFFICER);
                ps.setString(2, "情報セキュリティ担当（デモ）");
                ps.setString(3, hash);
                ps.setLong(4, org.id());
                ps.setString(5, OFFICER_EMAIL);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void setEmail(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET email = ? WHERE id = ?")) {
            ps.setString(1, OFFICER_EMAIL);
            ps.setLong(2, userId);
            ps.executeUpdate();
        }
    }

    private static Optional<Long> gatewayFinding(Database d, Organization org) {
        return d.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id FROM finding f JOIN asset a ON a.id = f.asset_id "
                    + "WHERE f.organization_id = ? AND a.code = ? AND f.vuln_id = ? ORDER BY f.candidate, f.id")) {
                ps.setLong(1, org.id());
                ps.setString(2, GATEWAY);
                ps.setString(3, GATEWAY_CVE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
