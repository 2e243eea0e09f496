package jp.mamori.inventory;

/** What an asset is. Network appliances are matched by their CPE even without an SBOM. */
public enum AssetKind {
    NETWORK_APPLIANCE("network-appliance", "ネットワーク機器"),
    SERVER("server", "サーバ"),
    ENDPOINT("endpoint", "端末"),
    APPLICATION("application", "アプリケーション");

    private final String key;
    private final String ja;

    AssetKind(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() { return key; }

    public String ja() { return ja; }

    public static AssetKind parse(String s) {
        for (AssetKind k : values()) {
            if (k.key.equalsIgnoreCase(s.trim()) || k.name().equalsIgnoreCase(s.trim()) || k.ja.equals(s.trim())) return k;
        }
        throw new IllegalArgumentException("unknown asset kind '" + s + "' (network-appliance | server | endpoint | application)");
    }
}
