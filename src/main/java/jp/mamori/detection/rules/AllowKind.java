package jp.mamori.detection.rules;

import java.util.Locale;

/** What an allow-list entry of an organisation says (issue 15 configuration). */
public enum AllowKind {
    /** The organisation's own internet exit: users behind it share its address. */
    EGRESS("egress", "自組織の出口アドレス"),
    /** A carrier NAT pool: an address change inside one such range is no change. */
    CGNAT("cgnat", "キャリアNAT・モバイル回線"),
    /** A reverse proxy in front of the gateway: its address is never the client; its X-Forwarded-For is. */
    TRUSTED_PROXY("trusted-proxy", "ゲートウェイ前段のリバースプロキシ"),
    /** A sanctioned service: uploads allowed whatever their volume, subdomains included. */
    SANCTIONED_DOMAIN("sanctioned-domain", "許可されたサービス"),
    /** An online storage service added to the shipped list. */
    STORAGE_DOMAIN("storage-domain", "オンラインストレージ（追加）");

    private final String key;
    private final String ja;

    AllowKind(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    public String key() { return key; }
    public String ja() { return ja; }
    public boolean isRange() { return this == EGRESS || this == CGNAT || this == TRUSTED_PROXY; }

    public static AllowKind fromKey(String k) {
        String s = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
        for (AllowKind a : values()) if (a.key.equals(s)) return a;
        throw new IllegalArgumentException("種別が不正です / unknown kind '" + k + "' (egress | cgnat | trusted-proxy | sanctioned-domain | storage-domain)");
    }
}
