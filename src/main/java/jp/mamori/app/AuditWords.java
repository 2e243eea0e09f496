package jp.mamori.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an audit entry reads to a person: the action as a label ("finding.decided" → 対応を判断) and
 * the detail's {@code key=value} fields with labels ("理由: …"), in Japanese or English. The trail
 * itself keeps the stored keys (they are hashed into the chain and read by tools); this is only
 * for the audit page and {@code mamori audit list}.
 */
public final class AuditWords {
    private AuditWords() { }

    /** action → {Japanese, English}. */
    static final Map<String, String[]> ACTIONS = Map.ofEntries(
            e("organization.created", "団体を登録", "Organisation created"),
            e("system.created", "情報システムを登録", "System created"),
            e("asset.created", "資産を登録", "Asset created"),
            e("inventory.imported", "資産台帳を取り込み", "Ledger imported"),
            e("sbom.added", "SBOMを登録", "SBOM added"),
            e("sbom.identifier_confirmed", "SBOMの識別子を確認", "SBOM identifier confirmed"),
            e("sbom.identifier_rejected", "SBOMの推定識別子を却下", "SBOM suggested identifier rejected"),
            e("organization.settings_changed", "団体の設定を変更", "Organisation settings changed"),
            e("sbom.held_for_review", "SBOMを確認待ちで保留", "SBOM held for review"),
            e("sbom.review_confirmed", "保留中のSBOMを確認", "Held SBOM confirmed"),
            e("feeds.imported", "脆弱性情報を取り込み", "Feeds imported"),
            e("feeds.synced", "脆弱性情報を同期", "Feeds synchronised"),
            e("finding.decided", "対応を判断", "Decision recorded"),
            e("finding.acceptance_requested", "リスク受容の承認を依頼", "Risk acceptance requested"),
            e("finding.acceptance_approved", "リスク受容を承認", "Risk acceptance approved"),
            e("finding.ssvc_overridden", "SSVCの入力を上書き", "SSVC input overridden"),
            e("finding.mitigation_updated", "回避策の状況を更新", "Mitigation updated"),
            e("finding.mitigations_recorded", "回避策の項目を記録", "Mitigation items recorded"),
            e("remediation.daily_run", "日次処理（期限・通知）", "Daily run (deadlines, notices)"),
            e("job.queued", "バックグラウンド処理を登録", "Background job queued"),
            e("prefecture.member_added", "都道府県の対象団体に追加", "Added to the prefecture"),
            e("prefecture.access_granted", "都道府県に詳細の閲覧を許可", "Prefecture access granted"),
            e("prefecture.access_revoked", "都道府県の閲覧許可を取消", "Prefecture access revoked"),
            e("prefecture.details_read", "都道府県が詳細を閲覧", "Prefecture read details"),
            e("vendor.saved", "事業者を登録・更新", "Vendor saved"),
            e("vendor.nda_recorded", "秘密保持契約を記録", "NDA recorded"),
            e("vendor.partners_imported", "事業者一覧を取り込み", "Partners imported"),
            e("contract.saved", "契約を登録・更新", "Contract saved"),
            e("contract.document_attached", "契約書を添付", "Contract document attached"),
            e("contract.checklist_answered", "チェックリストに回答", "Checklist answered"),
            e("contract.checklist_proposed", "チェックリストの回答を提案", "Checklist answer proposed"),
            e("contract.checklist_approved", "チェックリストを承認", "Checklist approved"),
            e("partner.configuration_shared", "構成情報を共有", "Configuration shared"),
            e("roles.assigned", "役割分担を設定", "Role assigned"),
            e("roles.system_assigned", "情報システムの役割分担を設定", "System role assigned"),
            e("roles.system_cleared", "情報システムの役割分担を団体の設定に戻す", "System role reset to the organisation's"),
            e("roles.drill_recorded", "訓練を記録", "Drill recorded"),
            e("readiness.issued", "準備状況報告を発行", "Readiness report issued"),
            e("logs.imported", "ログを取り込み", "Logs imported"),
            e("logs.streamed", "ログをストリームで分析", "Logs streamed"),
            e("incident.opened", "インシデントを起票", "Incident opened"),
            e("incident.state_changed", "インシデントの状態を変更", "Incident state changed"),
            e("detection.allow_added", "検知の許可リストに追加", "Detection allow-list entry added"),
            e("detection.allow_removed", "検知の許可リストから削除", "Detection allow-list entry removed"),
            e("detection.policy_changed", "検知のしきい値を変更", "Detection thresholds changed"),
            e("detection.desktops_imported", "仮想デスクトップ一覧を取り込み", "Desktops imported"),
            e("auth.sign_in", "サインイン", "Signed in"),
            e("auth.password_ok", "パスワード確認（二要素待ち）", "Password accepted (second factor next)"),
            e("auth.sign_in_failed", "サインイン失敗", "Sign-in failed"),
            e("auth.totp_failed", "確認コードの誤り", "Wrong one-time code"),
            e("auth.token_failed", "APIトークンの誤り", "API token refused"),
            e("auth.locked", "アカウントをロック", "Account locked"),
            e("auth.sign_out", "サインアウト", "Signed out"),
            e("user.created", "アカウントを作成", "Account created"),
            e("user.disabled", "アカウントを無効化", "Account disabled"),
            e("user.unlocked", "ロックを解除", "Account unlocked"),
            e("user.password_changed", "パスワードを変更", "Password changed"),
            e("user.password_reset", "パスワードを再設定", "Password reset"),
            e("user.totp_enrolled", "二要素認証を登録", "Second factor enrolled"),
            e("user.totp_reset", "二要素認証を再設定", "Second factor reset"),
            e("token.created", "APIトークンを発行", "API token created"),
            e("token.revoked", "APIトークンを失効", "API token revoked"));

    /** Detail keys → {Japanese, English}; keys not listed keep their own name. */
    static final Map<String, String[]> KEYS = Map.ofEntries(
            e("action", "判断", "decision"), e("reason", "理由", "reason"), e("until", "期限・見直し日", "until"),
            e("approver", "承認者", "approver"), e("justification", "VEXの根拠", "justification"), e("asset", "資産", "asset"),
            e("vuln", "脆弱性", "vulnerability"), e("same_product_of", "同じ製品の検出", "same product as"),
            e("name", "名称", "name"), e("kind", "種別", "kind"), e("ip", "接続元", "from"), e("user", "利用者", "user"),
            e("file", "ファイル", "file"), e("files", "ファイル", "files"), e("documents", "文書数", "documents"),
            e("failed", "失敗", "failed"), e("touched", "影響した脆弱性", "vulnerabilities touched"),
            e("new", "新規", "new"), e("reopened", "再検出", "reopened"), e("updated", "更新", "updated"), e("closed", "解消", "closed"),
            e("findings", "検出", "findings"), e("status", "状態", "status"), e("owner", "担当", "owner"), e("review", "見直し日", "review"),
            e("input", "入力", "input"), e("value", "値", "value"), e("prefecture", "都道府県", "prefecture"), e("days", "日数", "days"),
            e("grant", "許可", "grant"), e("vendor", "事業者", "vendor"), e("signed", "締結日", "signed"), e("items", "項目数", "items"),
            e("partners", "事業者数", "partners"), e("rows", "行数", "rows"), e("added", "追加", "added"), e("title", "件名", "title"),
            e("held_on", "実施日", "held on"), e("sha256", "SHA-256", "SHA-256"), e("recipient", "共有先", "recipient"),
            e("on", "日付", "on"), e("expires", "期限", "expires"), e("format", "形式", "format"), e("systems", "情報システム", "systems"), e("system", "情報システム", "system"),
            e("segment", "区分", "segment"), e("importance", "重要度", "importance"), e("exposure", "露出度", "exposure"),
            e("cpe", "CPE", "CPE"), e("raci", "RACI", "RACI"), e("type", "種類", "type"), e("note", "注記", "note"),
            e("detections", "検知", "detections"), e("incidents_opened", "起票したインシデント", "incidents opened"),
            e("requested_by", "依頼者", "requested by"), e("would_close", "解消される検出", "would close"),
            e("scopes", "権限", "scopes"), e("role", "役割", "role"), e("component", "コンポーネント", "component"),
            e("components", "コンポーネント数", "components"), e("sbom", "SBOM", "SBOM"), e("version", "版", "version"),
            e("supplier", "サプライヤ", "supplier"), e("purl", "purl", "purl"), e("suggested_purl", "推定purl", "suggested purl"),
            e("suggested_cpe", "推定CPE", "suggested CPE"), e("assets", "資産数", "assets"),
            e("via", "操作経路", "via"), e("os", "OSアカウント", "OS account"), e("organization", "団体", "organisation"),
            e("ciso", "CISO", "CISO"), e("cli_default", "CLIの既定の団体", "CLI default organisation"),
            e("corporate_number", "法人番号", "corporate number"), e("registration", "登録番号", "registration"),
            e("hotline", "24時間窓口", "24-hour line"), e("next_due", "次回の共有期限", "next share due"),
            e("ends", "契約終了日", "ends"), e("network_devices", "ネットワーク機器を含む", "covers network devices"),
            e("patch_cap", "パッチ適用の上限", "patch cap"), e("boundary", "境界機器", "boundary device"),
            e("warnings", "注意", "warnings"), e("bytes", "バイト数", "bytes"), e("entries", "件数", "entries"),
            e("known", "既知の検知", "already known"), e("desktops_learned", "学習した仮想デスクトップ", "desktops learned"),
            e("factors", "認証要素", "factors"), e("next", "次の手順", "next step"), e("sbom_strict", "SBOMの厳格な確認", "strict SBOM check"),
            e("red", "赤", "red"), e("amber", "黄", "amber"), e("green", "緑", "green"),
            e("records_new", "新規の記述", "records new"), e("records_updated", "更新した記述", "records updated"),
            e("records_unchanged", "変更のない記述", "records unchanged"), e("records_older_ignored", "古いため無視した記述", "older records ignored"),
            e("kev", "KEV", "KEV"), e("epss", "EPSS", "EPSS"), e("vex", "VEX", "VEX"),
            e("findings_new", "新規の検出", "findings new"), e("findings_reopened", "再検出", "findings reopened"),
            e("findings_updated", "更新した検出", "findings updated"), e("findings_closed", "解消した検出", "findings closed"),
            e("systems_new", "新規の情報システム", "systems new"), e("systems_updated", "更新した情報システム", "systems updated"),
            e("assets_new", "新規の資産", "assets new"), e("assets_updated", "更新した資産", "assets updated"));

    private static Map.Entry<String, String[]> e(String key, String ja, String en) {
        return Map.entry(key, new String[] {ja, en});
    }

    /** The action's label; the stored key when it has none (an action added later). */
    public static String action(String action, boolean english) {
        String[] l = action == null ? null : ACTIONS.get(action);
        return l == null ? action : l[english ? 1 : 0];
    }

    public static boolean hasLabel(String action) {
        return ACTIONS.containsKey(action);
    }

    /** Every labelled action, for the audit page's filter. */
    public static List<String> actions() {
        return ACTIONS.keySet().stream().sorted().toList();
    }

    // a key is a word of lower-case letters, digits, underscores and hyphens (a checklist item, a feed source)
    // right before "=", at the start or after a space
    private static final Pattern KEY = Pattern.compile("(?:^|(?<= ))([a-z][a-z_0-9-]*)=");
    /** Keys whose value is free text to the end (a reason may hold spaces and "="). */
    private static final java.util.Set<String> TO_THE_END = java.util.Set.of("reason", "title", "note");
    /** Keys whose value is one word; what follows it before the next key is text of its own ("decision:1"). */
    private static final java.util.Set<String> ONE_WORD = java.util.Set.of("via", "os");

    /** {@link #detail(String, String, boolean)} for an entry whose action is not known. */
    public static String detail(String detail, boolean english) {
        return detail(null, detail, english);
    }

    /**
     * "via=cli action=mitigate reason=…" → "操作経路: コマンド（CLI）、判断: 回避策を適用、理由: …"; text before
     * the first key stays in front. A value in double quotes (see {@link jp.mamori.audit.AuditDetail}) is
     * one value, whatever it holds. In Japanese the stored values are read too ({@link AuditValues}).
     */
    public static String detail(String action, String detail, boolean english) {
        if (detail == null || detail.isBlank()) return detail;
        List<String[]> fields = fields(detail);
        if (fields.size() == 1) return detail;
        String lead = fields.get(0)[1].strip();
        StringBuilder out = new StringBuilder(english ? lead : record(lead));
        String sep = english ? ", " : "、";
        for (int i = 1; i < fields.size(); i++) {
            String key = fields.get(i)[0];
            String value = fields.get(i)[1];
            boolean afterText = fields.get(i - 1)[0] == null;
            if (!out.isEmpty()) out.append(afterText || key == null ? " " : sep);
            if (key == null) {
                out.append(english ? value : record(value));
                continue;
            }
            out.append(label(action, key, english)).append(": ")
                    .append(value.isEmpty() ? "-" : english ? value : AuditValues.ja(action, key, value));
        }
        return english ? out.toString().replace("->", "→") : states(out.toString());
    }

    /** A key's label: a checklist item by its title, a feed source by its name, else {@link #KEYS}; the key itself when none. */
    static String label(String action, String key, boolean english) {
        if (action != null && action.startsWith("contract.checklist")) {
            jp.mamori.partners.ClauseItem item = AuditValues.clause(key);
            if (item != null) return english ? item.titleEn() : item.titleJa();
        }
        if (action != null && action.startsWith("feeds.synced")) {
            jp.mamori.advisory.Source s = AuditValues.source(key);
            if (s != null) return english ? s.nameEn() : s.nameJa();
        }
        String[] l = KEYS.get(key);
        return l == null ? key : l[english ? 1 : 0];
    }

    /** The keys of a detail that have no label (a test keeps this empty for every action Mamori writes). */
    public static List<String> unlabelledKeys(String action, String detail) {
        List<String> keys = new ArrayList<>();
        if (detail == null) return keys;
        for (String[] f : fields(detail)) {
            if (f[0] != null && label(action, f[0], false).equals(f[0]) && !KEYS.containsKey(f[0])) keys.add(f[0]);
        }
        return keys;
    }

    /** The text before the first key (key null), then each key with its value, in order. */
    static List<String[]> fields(String detail) {
        List<String[]> fields = new ArrayList<>();
        Matcher m = KEY.matcher(detail);
        if (!m.find()) return List.<String[]>of(new String[] {null, detail});
        fields.add(new String[] {null, detail.substring(0, m.start(1))});
        while (true) {
            String key = m.group(1);
            int at = m.end();
            if (at < detail.length() && detail.charAt(at) == '"') {
                StringBuilder v = new StringBuilder();
                int i = at + 1;
                for (; i < detail.length() && detail.charAt(i) != '"'; i++) {
                    char c = detail.charAt(i);
                    if (c == '\\' && i + 1 < detail.length()) c = detail.charAt(++i);
                    v.append(c);
                }
                fields.add(new String[] {key, v.toString()});
                if (!m.find(Math.min(i + 1, detail.length()))) break;
                continue;
            }
            if (ONE_WORD.contains(key)) {
                int end = detail.indexOf(' ', at);
                if (end < 0) end = detail.length();
                fields.add(new String[] {key, detail.substring(at, end)});
                boolean more = m.find(end);
                String between = detail.substring(end, more ? m.start(1) : detail.length()).strip();
                if (!between.isEmpty()) fields.add(new String[] {null, between});
                if (!more) break;
                continue;
            }
            if (TO_THE_END.contains(key) || !m.find()) {
                fields.add(new String[] {key, detail.substring(at).strip()});
                break;
            }
            fields.add(new String[] {key, detail.substring(at, m.start(1)).strip()});
        }
        return fields;
    }

    private static final Pattern RECORD = Pattern.compile("(decision|sbom|mitigation|drill|incident):(\\d+)");
    private static final Map<String, String> RECORDS = Map.of(
            "decision", "判断", "sbom", "SBOM", "mitigation", "回避策の項目", "drill", "訓練", "incident", "インシデント");

    /** "decision:1" (the record an entry made or changed) → 判断 #1. */
    private static String record(String text) {
        Matcher m = RECORD.matcher(text);
        return m.matches() ? RECORDS.get(m.group(1)) + " #" + m.group(2) : text;
    }

    private static final Pattern TRANSITION = Pattern.compile("\\b([a-z_]+)->([a-z_]+)\\b");

    /** "new->mitigation_planned" → 新規→回避策計画中. */
    private static String states(String text) {
        Matcher m = TRANSITION.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(state(m.group(1)) + "→" + state(m.group(2))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String state(String key) {
        try {
            return jp.mamori.remediation.FindingState.fromKey(key).ja();
        } catch (RuntimeException e) {
            return key;
        }
    }
}
