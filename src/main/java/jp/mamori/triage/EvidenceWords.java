package jp.mamori.triage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese for the SSVC evidence, which is stored as language-neutral facts ("exposure open",
 * "CISA KEV dateAdded …", "AV:N/… (network, low complexity …)") so that it is the same in every
 * export. The phrases are the fixed ones {@link InputDerivation} writes; vectors, dates, scores,
 * URLs, names and the reasons people typed stay as they are. Each method returns null for null.
 */
public final class EvidenceWords {
    private EvidenceWords() { }

    /** The value of an SSVC input, "active" → "悪用確認（active）"; the key stays beside it because SSVC tables use it. */
    public static String value(String input, String key) {
        if (key == null) return null;
        String ja = name(input, key);
        return ja == null ? key : ja + "（" + key + "）";
    }

    /** The Japanese name of an SSVC input's value ("exposure", "open" → インターネットに公開), or null. */
    private static String name(String input, String key) {
        return switch (input + ":" + key.toLowerCase(Locale.ROOT)) {
            case "exploitation:active" -> "悪用確認";
            case "exploitation:poc" -> "PoCあり";
            case "exploitation:none" -> "なし";
            case "automatable:yes" -> "自動化可能";
            case "automatable:no" -> "自動化不可";
            case "technicalImpact:total", "technical-impact:total" -> "全面的";
            case "technicalImpact:partial", "technical-impact:partial" -> "部分的";
            case "exposure:open" -> "インターネットに公開";
            case "exposure:controlled" -> "限定的に公開";
            case "exposure:small" -> "ごく限定";
            case "mission:high", "humanImpact:high" -> "高";
            case "mission:medium", "humanImpact:medium" -> "中";
            case "mission:low", "humanImpact:low" -> "低";
            case "humanImpact:very-high" -> "非常に高い";
            default -> null;
        };
    }

    /** Where an input came from: "kev+epss" → "CISA KEV＋EPSS", "cvss:nvd v3.1" → "CVSS（nvd v3.1）". */
    public static String source(String source) {
        if (source == null) return null;
        if (source.startsWith("override:")) return "担当者による上書き（" + source.substring("override:".length()) + "）";
        if (source.startsWith("cvss:")) return "CVSS（" + source.substring("cvss:".length()) + "）";
        StringBuilder out = new StringBuilder();
        for (String part : source.split("\\+")) {
            if (!out.isEmpty()) out.append("＋");
            out.append(switch (part) {
                case "kev" -> "CISA KEV";
                case "advisory" -> "勧告";
                case "exploit-reference" -> "攻撃コードの参照";
                case "epss" -> "EPSS";
                case "none" -> "なし";
                case "policy" -> "ポリシー";
                case "mission" -> "業務への影響";
                default -> part;
            });
        }
        return out.toString();
    }

    /** The facts InputDerivation lists in parentheses after a CVSS vector. */
    private static final Map<String, String> FACTS = Map.ofEntries(
            Map.entry("network", "ネットワーク経由"), Map.entry("not network", "ネットワーク経由ではない"),
            Map.entry("low complexity", "攻撃条件の複雑さ 低"), Map.entry("high complexity", "攻撃条件の複雑さ 高"),
            Map.entry("no privileges", "権限不要"), Map.entry("privileges required", "権限が必要"),
            Map.entry("user interaction not expressible in v2", "ユーザー操作の要否はv2では表せない"),
            Map.entry("no user interaction", "ユーザー操作不要"), Map.entry("user interaction required", "ユーザー操作が必要"),
            Map.entry("confidentiality high", "機密性への影響 高"), Map.entry("confidentiality not high", "機密性への影響 高ではない"),
            Map.entry("integrity high", "完全性への影響 高"), Map.entry("integrity not high", "完全性への影響 高ではない"));

    private static final Pattern VECTOR_FACTS = Pattern.compile("^(\\S+) \\((.+)\\)$");

    /** Whole parts of the evidence (InputDerivation joins parts with "; "), in order. */
    private static final Map<Pattern, java.util.function.Function<Matcher, String>> PARTS = new LinkedHashMap<>();

    private static void part(String regex, String ja) {
        PARTS.put(Pattern.compile("^" + regex + "$", Pattern.DOTALL), m -> m.replaceFirst(ja));
    }

    /** "exposure open" → 露出度 インターネットに公開: the value by the same names as {@link #value}, as written when it has none. */
    private static void valuePart(String phrase, String input, String label) {
        PARTS.put(Pattern.compile("^" + phrase + " (\\S+)$", Pattern.DOTALL), m -> {
            String ja = name(input, m.group(1));
            return label + " " + (ja == null ? m.group(1) : ja);
        });
    }

    static {
        part("not in KEV, no exploitation statement, no exploit reference, no EPSS score",
                "KEV掲載なし、悪用の表明なし、攻撃コードの参照なし、EPSSスコアなし");
        part("CISA KEV dateAdded (\\S+), dueDate (\\S+), knownRansomwareCampaignUse Known",
                "CISA KEV 掲載日 $1、期限 $2、ランサムウェアでの悪用 既知");
        part("CISA KEV dateAdded (\\S+), dueDate (\\S+), knownRansomwareCampaignUse (\\S+)",
                "CISA KEV 掲載日 $1、期限 $2、ランサムウェアでの悪用 不明（$3）");
        part("exploited per (.+)", "悪用の表明: $1");
        part("(\\d+) exploit reference\\(s\\): (.*)", "攻撃コードへの参照 $1 件: $2");
        part("EPSS (\\S+) \\(percentile (\\S+), (\\S+)\\) >= threshold (\\S+)", "EPSS $1（パーセンタイル $2、$3）しきい値 $4 以上");
        part("EPSS (\\S+) \\(percentile (\\S+), (\\S+)\\) < threshold (\\S+)", "EPSS $1（パーセンタイル $2、$3）しきい値 $4 未満");
        part("no usable CVSS vector", "使えるCVSSベクトルがない");
        part("worst case assumed", "最悪の場合を仮定");
        part("lower value assumed", "低い方の値を仮定");
        part("importance (\\S+) \\((.*)\\), raised one step: exposure open", "重要度 $1（$2）、インターネットに公開のため一段引き上げ");
        valuePart("importance", "mission", "重要度");
        part("from mission (\\S+)", "業務の重要度 $1 から");
        valuePart("exposure", "exposure", "露出度");
        part("(.*) \\(derived: (\\S+)\\)", "$1（導出値: $2）");
    }

    /** The evidence of an input in Japanese; what is not one of the fixed phrases (a reason someone typed) stays as it was. */
    public static String evidence(String evidence) {
        if (evidence == null) return null;
        Matcher v = VECTOR_FACTS.matcher(evidence);
        if (v.matches()) {
            String[] facts = v.group(2).split(", ");
            StringBuilder ja = new StringBuilder();
            boolean all = true;
            for (String f : facts) {
                String t = FACTS.get(f);
                if (t == null) { all = false; break; }
                if (!ja.isEmpty()) ja.append("、");
                ja.append(t);
            }
            if (all) return v.group(1) + "（" + ja + "）";
        }
        StringBuilder out = new StringBuilder();
        for (String piece : evidence.split("; ")) {
            if (!out.isEmpty()) out.append("。");
            String t = piece;
            for (Map.Entry<Pattern, java.util.function.Function<Matcher, String>> p : PARTS.entrySet()) {
                Matcher m = p.getKey().matcher(piece);
                if (m.matches()) {
                    t = p.getValue().apply(m);
                    break;
                }
            }
            out.append(t);
        }
        return out.toString();
    }

    /** Match confidence: "high" → 高. */
    public static String confidence(String key) {
        if (key == null) return null;
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "high" -> "高";
            case "medium" -> "中";
            case "low" -> "低";
            default -> key;
        };
    }

    /** CISA KEV knownRansomwareCampaignUse: "Known" → 既知. */
    public static String ransomware(String key) {
        if (key == null) return null;
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "known" -> "既知（ランサムウェア攻撃での悪用あり）";
            case "unknown" -> "不明";
            default -> key;
        };
    }
}
