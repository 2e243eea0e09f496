package jp.mamori.matching.cpe;

import jp.mamori.advisory.CpeMatch;
import jp.mamori.identifiers.cpe.Cpe23;

/**
 * A "running on" entry of an AND configuration and the platform CPE that satisfied it.
 *
 * @param entry       the cpeMatch entry (usually {@code vulnerable=false}: the hardware or operating system)
 * @param satisfiedBy the CPE of the asset's platform that satisfied it
 */
public record PlatformHit(CpeMatch entry, Cpe23 satisfiedBy) { }
