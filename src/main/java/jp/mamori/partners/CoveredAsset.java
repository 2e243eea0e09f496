package jp.mamori.partners;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.scope.Tier;

/**
 * An asset as the contract checks see it: what it is, how exposed, the SBOM tier its system
 * requires, its maintaining vendor, and its open Act/Attend findings (the urgent ones).
 */
public record CoveredAsset(long id, String code, String name, AssetKind kind, Exposure exposure, boolean boundary,
                           long systemId, String systemCode, Tier tier, String maintainer, boolean hasCurrentSbom,
                           List<Urgent> urgent) {
    public CoveredAsset {
        urgent = urgent == null ? List.of() : List.copyOf(urgent);
    }

    /** An open Act or Attend finding with its deadline. */
    public record Urgent(long findingId, String vulnId, String outcome, LocalDate due) { }

    public boolean networkDevice() {
        return kind == AssetKind.NETWORK_APPLIANCE || boundary;
    }

    public String label() {
        return name + "（" + code + "）";
    }
}
