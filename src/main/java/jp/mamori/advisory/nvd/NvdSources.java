package jp.mamori.advisory.nvd;

/** Who scored or classified something in an NVD record. */
final class NvdSources {
    static final String NVD_IDENTIFIER = "nvd@nist.gov";

    private NvdSources() { }

    /**
     * "nvd" for NVD's own analysis, else "cna:" plus the identifier NVD gives the contributor (a
     * contact e-mail such as {@code secure@citrix.com}, or an organisation UUID for CISA-ADP).
     */
    static String scorer(String source) {
        if (source == null || source.isBlank()) return "nvd";
        return NVD_IDENTIFIER.equalsIgnoreCase(source.trim()) ? "nvd" : "cna:" + source.trim();
    }
}
