package jp.mamori.advisory;

/** Where a fact came from. The name is what users see in evidence ("source": "nvd"). */
public enum Source {
    NVD("nvd"), CVE5("cve5"), JVN("jvn"), KEV("kev"), EPSS("epss"), OSV("osv"),
    CSAF("csaf"), OPENVEX("openvex"), CYCLONEDX_VEX("cyclonedx-vex");

    private final String key;

    Source(String key) { this.key = key; }

    public String key() { return key; }

    public static Source fromKey(String key) {
        for (Source s : values()) {
            if (s.key.equalsIgnoreCase(key)) return s;
        }
        throw new IllegalArgumentException("unknown source: " + key);
    }
}
