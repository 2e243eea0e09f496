package jp.mamori.advisory.kev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese for the "required action" of CISA KEV entries. The catalogue words it in a few recurring
 * sentences (in the catalogue of 2025, ten sentences cover 1,370 of 1,404 entries); they are
 * translated here by a phrase table, sentence by sentence. An action with any sentence the table
 * does not know is not translated at all (a half-translated instruction misleads more than the
 * original), and the original is always shown beside the translation.
 */
public final class KevActions {
    private KevActions() { }

    private static final Map<Pattern, String> SENTENCES = new LinkedHashMap<>();

    private static void sentence(String regex, String ja) {
        SENTENCES.put(Pattern.compile("^" + regex + "$", Pattern.CASE_INSENSITIVE), ja);
    }

    static {
        sentence("Apply updates per vendor instructions\\.?", "ベンダーの指示に従って更新を適用してください。");
        sentence("Apply mitigations per vendor instructions or discontinue use of the product if mitigations are (?:unavailable|not available)\\.?",
                "ベンダーの指示に従って緩和策を適用してください。緩和策がない場合は製品の使用を中止してください。");
        sentence("Apply mitigations per vendor instructions, follow (?:applicable )?BOD 22-01 guidance for cloud services, or discontinue use of the"
                + " product if mitigations are unavailable\\.?",
                "ベンダーの指示に従って緩和策を適用し、クラウドサービスについては BOD 22-01 の指針に従ってください。緩和策がない場合は製品の使用を中止してください。");
        sentence("The impacted products? (?:is|are) end-of-life and should be disconnected if still in use\\.?",
                "対象製品はサポートが終了しています。使用中であればネットワークから切り離してください。");
        sentence("Apply updates per vendor instructions or discontinue use of the product if updates are unavailable\\.?",
                "ベンダーの指示に従って更新を適用してください。更新がない場合は製品の使用を中止してください。");
        sentence("Apply remediations or mitigations per vendor instructions or discontinue use of the product if remediation or mitigations are unavailable\\.?",
                "ベンダーの指示に従って修正または緩和策を適用してください。いずれもない場合は製品の使用を中止してください。");
        sentence("The impacted product is end-of-life \\(EoL\\) and/or end-of-service \\(EoS\\)\\.",
                "対象製品はサポート終了（EoL）またはサービス終了（EoS）です。");
        sentence("Users should discontinue utilization of the product\\.?", "製品の使用を中止してください。");
        sentence("Apply updates per vendor instructions or disconnect product if it is end-of-life\\.?",
                "ベンダーの指示に従って更新を適用してください。サポートが終了している場合は製品を切り離してください。");
        sentence("Apply mitigations as set forth in the CISA instructions linked below\\.?", "下記リンクのCISAの指示に従って緩和策を適用してください。");
        sentence("Apply mitigations and kill all active and persistent sessions per vendor instructions (\\[[^\\]\\s]+\\]) OR discontinue use of the"
                + " product if mitigations are unavailable\\.?",
                "ベンダーの指示 $1 に従って緩和策を適用し、有効なセッションと永続セッションをすべて終了させてください。緩和策がない場合は製品の使用を中止してください。");
        sentence("Apply mitigations per vendor instructions as they become available\\.", "ベンダーの緩和策が公開され次第、その指示に従って適用してください。");
        sentence("Additionally, the management interfaces? for affected devices should not be exposed to untrusted networks, including the internet\\.?",
                "加えて、対象機器の管理インターフェースをインターネットを含む信頼できないネットワークに公開しないでください。");
    }

    /** The Japanese of an action, empty when some sentence of it is not in the table. */
    public static Optional<String> ja(String action) {
        if (action == null || action.isBlank()) return Optional.empty();
        String whole = translate(action.strip());
        if (whole != null) return Optional.of(whole);
        StringBuilder out = new StringBuilder();
        for (String s : sentences(action.strip())) {
            String t = translate(s);
            if (t == null) return Optional.empty();
            out.append(t);
        }
        return Optional.of(out.toString());
    }

    /** "翻訳（原文: original）", or the original alone when it is not translated. */
    public static String withOriginal(String action) {
        if (action == null) return null;
        return ja(action).map(t -> t + "（原文: " + action.strip() + "）").orElse(action);
    }

    private static String translate(String sentence) {
        for (Map.Entry<Pattern, String> e : SENTENCES.entrySet()) {
            Matcher m = e.getKey().matcher(sentence);
            if (m.matches()) return m.replaceFirst(e.getValue());
        }
        return null;
    }

    /** Sentences end at ". " (not inside a bracketed URL). */
    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth = Math.max(0, depth - 1);
            else if (c == '.' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                out.add(text.substring(start, i + 1).strip());
                start = i + 1;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) out.add(text.substring(start).strip());
        return out;
    }
}
