package jp.mamori.partners;

import java.time.LocalDate;
import java.util.List;

/**
 * 契約: what a vendor is contracted to do for which systems and assets.
 *
 * @param coversNetworkDevices the scope includes network and boundary devices, not only software
 * @param patchCapPerYear      a cap on the number of patches a year the contract states, or null
 * @param systems              codes of the systems it covers (every asset of them)
 * @param assets               codes of single assets it covers
 */
public record Contract(long id, long organizationId, long vendorId, String vendorName, String code, String title, ContractKind kind,
                       ContractStatus status, LocalDate startsOn, LocalDate endsOn, LocalDate renewalOn,
                       boolean coversNetworkDevices, Integer patchCapPerYear,
                       String documentName, String documentType, String documentSha256, Long documentSize,
                       List<String> systems, List<String> assets) {
    public Contract {
        systems = systems == null ? List.of() : List.copyOf(systems);
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    /** In force on that day: active and not past its end. */
    public boolean inForce(LocalDate day) {
        return status == ContractStatus.ACTIVE && (endsOn == null || !endsOn.isBefore(day)) && (startsOn == null || !startsOn.isAfter(day));
    }
}
