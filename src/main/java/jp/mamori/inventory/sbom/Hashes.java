package jp.mamori.inventory.sbom;

import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling of hash algorithm names ("SHA-256"), whichever format they came in. */
public final class Hashes {
    private static final Pattern SHA2 = Pattern.compile("SHA\\d+");
    private static final Pattern SHA3 = Pattern.compile("SHA3\\d{3}");

    private Hashes() { }

    /**
     * CycloneDX writes "SHA-256", "SHA3-256", "BLAKE2b-256"; SPDX writes "SHA256", "SHA3_256"; some
     * generators write "sha256". Mamori keeps the CycloneDX spelling so that the same file hashed by
     * two generators compares equal.
     */
    public static String algorithm(String raw) {
        if (raw == null) return null;
        String a = raw.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        if (a.startsWith("BLAKE")) return "BLAKE" + a.substring(5).replace("B-", "b-").replace("S-", "s-");
        if (SHA2.matcher(a).matches()) return a.equals("SHA1") ? "SHA-1" : "SHA-" + a.substring(3);
        if (SHA3.matcher(a).matches()) return "SHA3-" + a.substring(4);
        return a;
    }

    /** Hex digests compare case-insensitively; lower case is what most tools print. */
    public static String value(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }
}
