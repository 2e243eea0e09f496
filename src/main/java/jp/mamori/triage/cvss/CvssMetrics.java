package jp.mamori.triage.cvss;

/**
 * The few facts of a vector that SSVC needs (SPEC §4), read from the base metrics. Environmental
 * modifications are ignored on purpose: SSVC judges the vulnerability, the asset's own exposure and
 * mission are separate inputs.
 *
 * <p>Per version: v2 {@code Au:N} counts as "no privileges", {@code C:C}/{@code I:C} as high, and
 * v2 has no user-interaction metric, so {@link #noUserInteraction()} is true (stated in
 * {@link #userInteractionUnknown()}). v4.0 needs {@code AC:L} and {@code AT:N} for low complexity
 * and reads the vulnerable-system impacts {@code VC}/{@code VI}.
 *
 * @param version                 CVSS version of the vector
 * @param vector                  the vector the facts come from
 * @param networkAttack           attack vector is Network
 * @param lowComplexity           attack complexity low (v4.0: and no attack requirements)
 * @param noPrivileges            no privileges / authentication needed
 * @param noUserInteraction       no user interaction needed
 * @param highConfidentiality     confidentiality impact high (v2: complete)
 * @param highIntegrity           integrity impact high (v2: complete)
 * @param userInteractionUnknown  the version cannot express user interaction (v2)
 */
public record CvssMetrics(String version, String vector, boolean networkAttack, boolean lowComplexity,
                          boolean noPrivileges, boolean noUserInteraction,
                          boolean highConfidentiality, boolean highIntegrity,
                          boolean userInteractionUnknown) {

    /** SSVC Automatable = yes: network-reachable, low complexity, no privileges, no user interaction. */
    public boolean automatable() {
        return networkAttack && lowComplexity && noPrivileges && noUserInteraction;
    }

    /** SSVC Technical Impact = total: confidentiality and integrity impact both high. */
    public boolean totalTechnicalImpact() {
        return highConfidentiality && highIntegrity;
    }

    static CvssMetrics of(CvssVector v) {
        return switch (v.version()) {
            case "2.0" -> new CvssMetrics(v.version(), v.vector(), v.is("AV", "N"), v.is("AC", "L"), v.is("Au", "N"),
                    true, v.is("C", "C"), v.is("I", "C"), true);
            case "4.0" -> new CvssMetrics(v.version(), v.vector(), v.is("AV", "N"), v.is("AC", "L") && v.is("AT", "N"),
                    v.is("PR", "N"), v.is("UI", "N"), v.is("VC", "H"), v.is("VI", "H"), false);
            default -> new CvssMetrics(v.version(), v.vector(), v.is("AV", "N"), v.is("AC", "L"), v.is("PR", "N"),
                    v.is("UI", "N"), v.is("C", "H"), v.is("I", "H"), false);
        };
    }
}
