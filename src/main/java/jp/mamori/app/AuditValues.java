package jp.mamori.app;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Japanese reading of a value stored in an audit detail: the trail keeps the stored keys
 * ({@code via=cli}, {@code kind=maintenance}, {@code status=done}) because they are hashed into
 * the chain and read by tools, while the audit page and {@code mamori audit list} show what they
 * mean (コマンド（CLI）, 保守, 完了). A value is read by its action and key, because the same key
 * means different things in different actions ({@code kind} of a vendor, of a contract, of an
 * asset). A value with no reading is shown as stored.
 */
final class AuditValues {
    private AuditValues() { }

    private static final Map<String, String> CHANNELS = Map.of(
            "web", "ウェブ画面", "api", "API", "cli", "コマンド（CLI）", "demo", "デモ", "system", "Mamori（自動処理）");
    private static final Map<String, String> ORGANIZATION_KINDS = Map.of(
            "municipality", "市区町村", "prefecture", "都道府県");
    private static final Map<String, String> SYNC_OUTCOMES = Map.of(
            "updated", "更新あり", "unchanged", "変更なし", "failed", "失敗", "skipped", "未実施");
    private static final Map<String, String> FACTORS = Map.of(
            "password", "パスワード", "password+totp", "パスワード＋確認コード");
    private static final Map<String, String> YES_NO = Map.of(
            "true", "はい", "false", "いいえ", "on", "有効", "off", "無効");
    /**
     * The roles' names as {@code jp.mamori.security.Role} gives them: that package is an edge above this layer,
     * so the names are kept here and AuditWordsTest checks that they are the same.
     */
    static final Map<String, String> ROLES = Map.of(
            "ADMIN", "システム管理者（インスタンス）", "SECURITY_OFFICER", "情報セキュリティ担当", "SYSTEM_ADMIN", "情報システム管理者",
            "VENDOR", "委託事業者", "AUDITOR", "監査担当", "PREFECTURE_OPERATOR", "セキュリティクラウド運用者");
    private static final Pattern LOG_FILE = Pattern.compile("\\((\\S+) (\\d+) lines, (\\d+) rejected\\)");

    /** The Japanese reading of {@code value} under {@code key} in an entry of {@code action}. */
    static String ja(String action, String key, String value) {
        String a = action == null ? "" : action;
        String reading = switch (key) {
            case "via" -> CHANNELS.get(value);
            case "kind" -> kind(a, value);
            case "status" -> a.startsWith("contract.") ? read(value, jp.mamori.partners.ContractStatus::parse, jp.mamori.partners.ContractStatus::ja)
                    : a.startsWith("finding.") ? read(value, jp.mamori.remediation.mitigation.MitigationStatus::fromKey, jp.mamori.remediation.mitigation.MitigationStatus::ja)
                    : null;
            case "action" -> decision(value);
            case "exposure" -> read(value, jp.mamori.inventory.Exposure::parse, jp.mamori.inventory.Exposure::ja);
            case "segment" -> read(value, jp.mamori.inventory.Segment::parse, jp.mamori.inventory.Segment::ja);
            case "role" -> ROLES.get(value);
            case "factors" -> FACTORS.get(value);
            case "files" -> a.startsWith("logs.") ? LOG_FILE.matcher(value).replaceAll(m -> Matcher.quoteReplacement("（" + m.group(1) + " " + m.group(2) + "行、拒否 " + m.group(3) + "行）")) : null;
            default -> null;
        };
        if (reading == null && a.startsWith("contract.checklist") && clause(key) != null) {
            reading = read(value, jp.mamori.partners.Answer::parse, jp.mamori.partners.Answer::ja);
        }
        if (reading == null && a.startsWith("feeds.synced") && source(key) != null) reading = SYNC_OUTCOMES.get(value);
        if (reading == null) reading = YES_NO.get(value);
        return reading == null ? value : reading;
    }

    /** The shipped checklist item a key names ({@code patch-process}), or null; read once. */
    static jp.mamori.partners.ClauseItem clause(String key) {
        return Clauses.SHIPPED.item(key).orElse(null);
    }

    private static final class Clauses {
        static final jp.mamori.partners.ClauseCatalogue SHIPPED = jp.mamori.partners.ClauseCatalogue.shipped();
    }

    /** The feed source a key names ({@code nvd}, {@code cyclonedx-vex}), or null. */
    static jp.mamori.advisory.Source source(String key) {
        return jp.mamori.advisory.Source.byKey(key);
    }

    private static String kind(String action, String value) {
        if (action.startsWith("organization.") || action.startsWith("prefecture.")) return ORGANIZATION_KINDS.get(value.toLowerCase(Locale.ROOT));
        if (action.startsWith("vendor.")) return read(value, jp.mamori.partners.VendorKind::parse, jp.mamori.partners.VendorKind::ja);
        if (action.startsWith("contract.")) return read(value, jp.mamori.partners.ContractKind::parse, jp.mamori.partners.ContractKind::ja);
        if (action.startsWith("asset.")) return read(value, jp.mamori.inventory.AssetKind::parse, jp.mamori.inventory.AssetKind::ja);
        return null;
    }

    /** A decision's action by its Japanese name ("mitigate" → 回避策を適用), and what follows it as stored. */
    private static String decision(String value) {
        int space = value.indexOf(' ');
        String head = space < 0 ? value : value.substring(0, space);
        String ja = read(head, jp.mamori.remediation.DecisionAction::fromKey, jp.mamori.remediation.DecisionAction::ja);
        return ja == null ? null : ja + (space < 0 ? "" : value.substring(space));
    }

    private static <E> String read(String value, Function<String, E> parse, Function<E, String> ja) {
        try {
            return ja.apply(parse.apply(value));
        } catch (RuntimeException notThisKind) {
            return null;
        }
    }
}
