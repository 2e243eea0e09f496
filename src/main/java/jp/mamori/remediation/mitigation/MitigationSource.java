package jp.mamori.remediation.mitigation;

import java.util.Locale;

/** Where a mitigation item comes from. */
public enum MitigationSource {
    CSAF("ベンダーの回避策・緩和策（CSAF）", "vendor workaround / mitigation (CSAF)"),
    KEV("CISA KEV の必要な対応", "CISA KEV required action"),
    CHECKLIST("侵害確認チェックリスト（境界装置）", "post-compromise checklist (internet-boundary device)"),
    MANUAL("手動で追加", "added by hand");

    private final String ja;
    private final String en;

    MitigationSource(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public static MitigationSource fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
