package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

/**
 * A low-confidence candidate: a source named the asset's product without any version (JVN
 * iPedia's CPEs), so a person must check the version. Never a finding on its own.
 *
 * @param cpe    the versionless CPE as the source gave it
 * @param asset  the asset CPE with the same vendor and product
 * @param reason why it is only a candidate, for the explanation
 */
public record CpeCandidate(String cpe, Cpe23 asset, String reason) {
    public String confidence() {
        return "low";
    }
}
