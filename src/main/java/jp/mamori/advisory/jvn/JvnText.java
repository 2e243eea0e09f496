package jp.mamori.advisory.jvn;

import java.util.regex.Pattern;

/**
 * JVN texts embed escaped HTML lists ({@code <ul><li>...}) and literal "\n" sequences. They are
 * turned into plain text here so the Japanese UI never renders feed markup.
 */
final class JvnText {
    private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");

    private JvnText() { }

    static String plain(String s) {
        if (s == null) return null;
        String t = s.replace("\\n", "\n")
                .replaceAll("(?i)<li[^>]*>", "\n・")
                .replaceAll("(?i)<br\\s*/?>", "\n");
        t = TAG.matcher(t).replaceAll("");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        t = t.replaceAll("[ \\t\\u3000]*\\n[ \\t\\u3000]*", "\n").replaceAll("\\n{2,}", "\n").trim();
        return t.isEmpty() ? null : t;
    }

    /**
     * Category of a JVN solution text, from its bracketed heading: "[アップデートする]" and
     * "[パッチを適用する]" are vendor fixes, "[ワークアラウンドを実施する]" a workaround; anything
     * else (stop using the product, follow vendor information) is kept as a mitigation.
     */
    static String solutionCategory(String text) {
        if (text == null) return "mitigation";
        String head = text.length() > 40 ? text.substring(0, 40) : text;
        if (head.contains("アップデート") || head.contains("パッチ") || head.contains("修正")) return "vendor_fix";
        if (head.contains("ワークアラウンド") || head.contains("回避")) return "workaround";
        return "mitigation";
    }
}
