package jp.mamori.app.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.ContractStore;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.Vendor;

/** Registers or replaces a contract (契約) with the systems and assets it covers. */
public final class SaveContract {
    private final Mamori mamori;

    public SaveContract(Mamori mamori) {
        this.mamori = mamori;
    }

    /** A contract as the user names things: vendor by name, systems and assets by code. */
    public record Input(String code, String title, String vendorName, ContractKind kind, ContractStatus status, LocalDate startsOn, LocalDate endsOn,
                        LocalDate renewalOn, boolean coversNetworkDevices, Integer patchCapPerYear, List<String> systems, List<String> assets) { }

    public Contract run(Actor actor, long orgId, Input in) {
        Vendor v = mamori.vendors().require(orgId, in.vendorName());
        List<String> problems = new ArrayList<>();
        List<Long> systemIds = new ArrayList<>();
        for (String code : in.systems() == null ? List.<String>of() : in.systems()) {
            ItSystem s = mamori.inventory().systems().find(orgId, code.strip()).orElse(null);
            if (s == null) problems.add("情報システムが見つかりません: '" + code + "' / no system '" + code + "'"); else systemIds.add(s.id());
        }
        List<Long> assetIds = new ArrayList<>();
        for (String code : in.assets() == null ? List.<String>of() : in.assets()) {
            Asset a = mamori.inventory().assets().find(orgId, code.strip()).orElse(null);
            if (a == null) problems.add("資産が見つかりません: '" + code + "' / no asset '" + code + "'"); else assetIds.add(a.id());
        }
        if (!problems.isEmpty()) throw new PartnersException("契約 " + in.code(), problems);
        ContractStore.Input input = new ContractStore.Input(in.code(), in.title(), v.id(), in.kind(), in.status(), in.startsOn(), in.endsOn(),
                in.renewalOn(), in.coversNetworkDevices(), in.patchCapPerYear(), systemIds, assetIds);
        return mamori.database().inUnitOfWork(c -> {
            Contract k = mamori.contracts().save(c, orgId, input, mamori.clock().instant(), actor.name());
            Audited.record(mamori, c, actor, orgId, Audited.CONTRACT_SAVED, "contract:" + k.code(), "vendor=" + AuditDetail.quote(k.vendorName()) + " kind=" + k.kind().key()
                    + " status=" + k.status().key() + (k.endsOn() == null ? "" : " ends=" + k.endsOn()) + " network_devices=" + k.coversNetworkDevices()
                    + (k.patchCapPerYear() == null ? "" : " patch_cap=" + k.patchCapPerYear()) + " systems=" + k.systems() + " assets=" + k.assets());
            return k;
        });
    }
}
