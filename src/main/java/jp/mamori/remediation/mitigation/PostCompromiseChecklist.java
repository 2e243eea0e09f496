package jp.mamori.remediation.mitigation;

import java.time.LocalDate;
import java.util.List;

/**
 * What to check on an internet-boundary device after a vulnerability that may have been exploited,
 * because patching does not evict an attacker who is already in. The items follow the 2025 MIC
 * incident report (SPEC §1): sessions were hijacked through the authentication appliance and data
 * left through the VDI, so ending sessions and resetting credentials come first.
 */
public final class PostCompromiseChecklist {

    private PostCompromiseChecklist() { }

    /** @param exposedSince the first day the device was exposed (the vulnerability's publication, or first seen) */
    public static List<MitigationItem> items(LocalDate exposedSince) {
        String since = exposedSince == null ? "公開日" : exposedSince.toString();
        String sinceEn = exposedSince == null ? "the publication date" : exposedSince.toString();
        return List.of(
                item("sessions", "確立済みのセッションをすべて切断する",
                        "End all existing sessions",
                        "パッチ適用や回避策の後も、窃取されたセッションは有効なままです。装置上のVPN/VDI・管理セッションを全て終了させてください。"
                                + " / Stolen sessions survive a patch or mitigation: terminate every VPN/VDI and management session on the device."),
                item("credentials", "装置を利用したアカウントの認証情報をリセットする",
                        "Reset the credentials of accounts that used the device",
                        "装置経由でログインした職員・管理者アカウントのパスワードを変更し、多要素認証の登録を確認してください。"
                                + " / Change the passwords of staff and administrator accounts that signed in through the device and check their MFA enrolment."),
                item("access-logs", "露出開始日（" + since + "）以降のアクセスログを確認する",
                        "Review access logs since the exposure date (" + sinceEn + ")",
                        "不審な送信元、通常と異なる時間帯のログイン、外部オンラインストレージへの大量送信がないか確認してください。"
                                + " / Look for unusual sources, sign-ins at unusual hours and large uploads to online storage."),
                item("admin-accounts", "新たに作成された管理者アカウントがないか確認する",
                        "Look for new administrator accounts",
                        "装置と認証基盤（AD等）で、露出開始日以降に作成・権限変更された管理者アカウントを確認してください。"
                                + " / On the device and the directory, check administrator accounts created or elevated since the exposure date."),
                item("web-shells", "Webシェルや不審なファイルがないか確認する",
                        "Look for web shells and unexpected files",
                        "ベンダーの侵害痕跡（IoC）確認手順やスキャンツールで、装置のファイルシステムを確認してください。"
                                + " / Check the device's file system with the vendor's indicator-of-compromise procedure or scanner."));
    }

    private static MitigationItem item(String key, String ja, String en, String details) {
        return new MitigationItem(MitigationSource.CHECKLIST, "checklist:" + key, ja, en, details, null);
    }
}
