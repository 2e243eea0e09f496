package jp.mamori.advisory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where a fact came from, and everything the rest of the product needs to know about that source:
 * the key users see in evidence ({@code "source": "nvd"}), its names, and its place in each order in
 * which sources are compared. Adding a source is one constant here, its parser package
 * ({@link FeedParsers}), its formats ({@link FeedFormat}) and, when it is fetched online, its sync
 * client; no other table lists sources.
 *
 * <p>The three orders answer different questions, so they differ:
 * <ul>
 *   <li>{@code importOrder}: a bundle is imported in this order, NVD first because it carries most
 *       aliases and configurations the later documents attach to; KEV and EPSS last, they only annotate.</li>
 *   <li>{@code factPrecedence}: for a single-valued fact (published date, English text) the curated
 *       record wins over the aggregators.</li>
 *   <li>{@code matchPrecedence}: when two sources give the same match, the one whose ranges are exact
 *       for the package (OSV) is shown first, then NVD's configurations.</li>
 * </ul>
 * {@code syncOrder} is the position in which {@code mamori feeds sync} fetches it (the small, decision-relevant
 * feeds first), or -1 when the source arrives only as files.
 */
public enum Source {
    //            key              ja                     en                      import fact match sync
    NVD(          "nvd",           "NVD",                 "NVD",                  0,     0,   1,     2),
    CVE5(         "cve5",          "CVE レコード",         "CVE record",           1,     1,   3,    -1),
    JVN(          "jvn",           "JVN iPedia",          "JVN iPedia",           2,     4,   4,     3),
    OSV(          "osv",           "OSV",                 "OSV",                  3,     3,   0,     4),
    CSAF(         "csaf",          "CSAF",                "CSAF",                 4,     2,   2,    -1),
    OPENVEX(      "openvex",       "OpenVEX",             "OpenVEX",              5,     5,   4,    -1),
    CYCLONEDX_VEX("cyclonedx-vex", "CycloneDX VEX",       "CycloneDX VEX",        6,     5,   4,    -1),
    KEV(          "kev",           "CISA KEV",            "CISA KEV",             7,     5,   4,     0),
    EPSS(         "epss",          "EPSS",                "EPSS",                 8,     5,   4,     1);

    private final String key;
    private final String nameJa;
    private final String nameEn;
    private final int importOrder;
    private final int factPrecedence;
    private final int matchPrecedence;
    private final int syncOrder;

    Source(String key, String nameJa, String nameEn, int importOrder, int factPrecedence, int matchPrecedence,
           int syncOrder) {
        this.key = key;
        this.nameJa = nameJa;
        this.nameEn = nameEn;
        this.importOrder = importOrder;
        this.factPrecedence = factPrecedence;
        this.matchPrecedence = matchPrecedence;
        this.syncOrder = syncOrder;
    }

    public String key() { return key; }

    public String nameJa() { return nameJa; }

    public String nameEn() { return nameEn; }

    /** Position in a bundle's import order (lower first). */
    public int importOrder() { return importOrder; }

    /** Precedence for single-valued facts (lower wins). */
    public int factPrecedence() { return factPrecedence; }

    /** Precedence among equally confident matches (lower is shown first). */
    public int matchPrecedence() { return matchPrecedence; }

    public boolean online() { return syncOrder >= 0; }

    /** The sources {@code feeds sync} fetches, in the order it fetches them. */
    public static List<Source> onlineSources() {
        return Arrays.stream(values()).filter(Source::online).sorted(Comparator.comparingInt((Source s) -> s.syncOrder)).toList();
    }

    /** values() copies the array on every call; the index decodes a source per statement. */
    private static final Source[] ALL = values();

    public static Source fromKey(String key) {
        Source s = byKey(key);
        if (s == null) throw new IllegalArgumentException("unknown source: " + key);
        return s;
    }

    /** The source of a key, or null for keys that are not feed sources (e.g. {@code cna:citrix}). */
    public static Source byKey(String key) {
        if (key == null) return null;
        for (Source s : ALL) {
            if (s.key.equalsIgnoreCase(key)) return s;
        }
        return null;
    }

    public static List<Source> inImportOrder() {
        return Arrays.stream(values()).sorted(Comparator.comparingInt(Source::importOrder)).toList();
    }
}
