package jp.mamori.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.mamori.persistence.Database;

/**
 * Reads of the partners capability that combine its parts: contracts with their flags, the
 * organisation's flags (contracts and uncontracted assets), the incident contact list and the
 * readiness report.
 */
public final class PartnersService {

    private final VendorStore vendors;
    private final ContractStore contracts;
    private final ShareStore shares;
    private final RoleStore roles;
    private final CoverageQuery coverage;
    private final ClauseCatalogue catalogue;

    public PartnersService(Database database, VendorStore vendors, ContractStore contracts, ShareStore shares, RoleStore roles,
                           CoverageQuery coverage, ClauseCatalogue catalogue) {
        this.vendors = vendors;
        this.contracts = contracts;
        this.shares = shares;
        this.roles = roles;
        this.coverage = coverage;
        this.catalogue = catalogue;
    }

    public ClauseCatalogue catalogue() {
        return catalogue;
    }

    public ContractView view(Contract k, LocalDate today) {
        List<CoveredAsset> covered = coverage.covered(k.organizationId(), k.id());
        Map<String, ClauseAnswer> answers = contracts.answers(k.id());
        return ContractView.of(k, covered, answers, catalogue, FlagRules.derive(k, covered, answers, catalogue, today));
    }

    public List<ContractView> views(long orgId, LocalDate today) {
        return contracts.list(orgId).stream().map(k -> view(k, today)).toList();
    }

    /** Every flag of the organisation: contracts in force (and expired ones), then assets no contract in force covers. */
    public List<Flag> flags(long orgId, LocalDate today) {
        List<Flag> out = new ArrayList<>();
        Set<Long> inForce = new HashSet<>();
        for (ContractView v : views(orgId, today)) {
            if (v.contract().status() == ContractStatus.DRAFT || v.contract().status() == ContractStatus.TERMINATED) continue;
            out.addAll(v.flags());
            if (v.contract().inForce(today)) v.covered().forEach(a -> inForce.add(a.id()));
        }
        out.addAll(FlagRules.uncontracted(coverage.assets(orgId).values(), inForce));
        return out;
    }

    /** Flags by asset code (a flag naming several assets appears under each), for the dashboard and the asset pages. */
    public Map<String, List<Flag>> flagsByAsset(long orgId, LocalDate today) {
        Map<String, List<Flag>> out = new LinkedHashMap<>();
        for (Flag f : flags(orgId, today)) for (String a : f.assets()) out.computeIfAbsent(a, k -> new ArrayList<>()).add(f);
        return out;
    }

    /** The incident contact list: IR partners in call order, then the vendors maintaining boundary devices. */
    public List<Contact> contacts(long orgId, LocalDate today) {
        List<Contact> out = new ArrayList<>();
        List<Vendor> all = vendors.list(orgId);
        List<Vendor> ir = all.stream().filter(Vendor::ir)
                .sorted(Comparator.comparing((Vendor v) -> v.callOrder() == null ? Integer.MAX_VALUE : v.callOrder()).thenComparing(Vendor::name)).toList();
        int n = 1;
        String boundary = shares.boundaryFingerprint(orgId);
        for (Vendor v : ir) {
            Optional<ConfigShare> last = shares.last(orgId, v.id());
            String reg = v.registrationNumber() == null ? "サービスリスト登録なし" : "登録 " + v.registrationNumber()
                    + (v.registrationValidUntil() == null ? "" : "（" + v.registrationValidUntil() + " まで"
                    + (v.registrationValidUntil().isBefore(today) ? "・期限切れ" : "") + "）");
            out.add(contact(n++, "IR事業者" + (v.serviceCategory() == null ? "" : "（" + v.serviceCategory().ja() + "）"), v, last.orElse(null), today, boundary, reg));
        }
        Set<String> seen = new HashSet<>();
        for (CoveredAsset a : coverage.assets(orgId).values()) {
            if (!a.boundary() || a.maintainer() == null || !seen.add(a.maintainer())) continue;
            Vendor v = all.stream().filter(x -> x.name().equals(a.maintainer())).findFirst().orElse(null);
            if (v == null || v.ir()) continue;
            Optional<ConfigShare> last = shares.last(orgId, v.id());
            out.add(contact(n++, "境界装置の保守事業者", v, last.orElse(null), today, boundary, "保守対象: " + a.label()));
        }
        return out;
    }

    private static Contact contact(int order, String role, Vendor v, ConfigShare last, LocalDate today, String boundary, String note) {
        String due = last == null ? null : last.dueNow(today, boundary);
        return new Contact(order, role, v.name(), v.contactPerson(), v.phone(), v.hotline(), v.email(), v.ndaState(today),
                last == null ? null : last.sharedOn(), last == null ? null : last.sha256(), last == null ? null : last.nextDue(), due != null, due, note);
    }

    /** The readiness report as of today, from the stored facts. */
    public ReadinessReport readiness(long orgId, String orgCode, String orgName, LocalDate today) {
        Map<Long, CoveredAsset> assets = coverage.assets(orgId);
        List<ContractView> views = views(orgId, today);
        List<Vendor> all = vendors.list(orgId);
        List<Vendor> ir = all.stream().filter(Vendor::ir).sorted(Comparator.comparing(Vendor::name)).toList();
        Map<Long, ConfigShare> lastShare = new LinkedHashMap<>();
        for (Vendor v : ir) shares.last(orgId, v.id()).ifPresent(s -> lastShare.put(v.id(), s));
        List<Flag> flags = flags(orgId, today);
        return Readiness.build(orgCode, orgName, today, assets.values(), views, flags, ir, lastShare, roles.matrix(orgId),
                roles.systems(orgId), shares.boundaryFingerprint(orgId));
    }
}
