package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractView;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.support.ForbiddenException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the partners pages and API, on top of {@link AccessScope}:
 * the organisation's readers (administrator, security officer, auditor) see every contract,
 * the readiness report and the contact list; a system administrator sees the contact list; a
 * vendor sees only its own contracts and answers their checklist (as a proposal). Changes are the
 * security officer's (and the administrator's). Out of scope answers 404; readable but not
 * writable answers 403.
 */
@Component
public class PartnersWeb {

    private final Mamori mamori;
    private final Tenancy tenancy;

    public PartnersWeb(Mamori mamori, Tenancy tenancy) {
        this.mamori = mamori;
        this.tenancy = tenancy;
    }

    public Mamori mamori() {
        return mamori;
    }

    public Organization org(AccessScope scope, HttpServletRequest request) {
        return tenancy.require(scope, request);
    }

    /** One information system of the organisation with its roles; another organisation's system reads as absent (400, nothing shown). */
    static jp.mamori.partners.SystemRoles system(jp.mamori.app.Mamori m, Organization o, String code) {
        return m.roles().system(o.id(), code).orElseThrow(() -> jp.mamori.partners.SystemRoles.noSuchSystem(code));
    }

    static boolean reader(AccessScope s, long orgId) {
        return s.canReadAllOf(orgId);
    }

    /** Overview, readiness, flags: the organisation's readers. */
    public Organization requireReader(AccessScope scope, HttpServletRequest request) {
        Organization o = org(scope, request);
        if (!reader(scope, o.id()) && scope.role() != Role.VENDOR) throw new NotFoundException("not found");
        return o;
    }

    public Organization requireReadiness(AccessScope scope, HttpServletRequest request) {
        Organization o = org(scope, request);
        if (!reader(scope, o.id())) throw new NotFoundException("not found");
        return o;
    }

    /** Issuing the readiness report: the security officer (403 for a reader who may not). */
    public Organization requireOfficer(AccessScope scope, HttpServletRequest request) {
        Organization o = requireReadiness(scope, request);
        if (!scope.canWriteOrganization(o.id())) throw new ForbiddenException("read-only");
        return o;
    }

    /** The incident contact list: everyone of the organisation but vendors. */
    public Organization requireContact(AccessScope scope, HttpServletRequest request) {
        Organization o = org(scope, request);
        if (scope.role() == Role.VENDOR || !scope.canReadOrganization(o.id())) throw new NotFoundException("not found");
        return o;
    }

    /** Contracts the caller sees: all for readers, its own for a vendor. */
    public List<ContractView> contracts(AccessScope scope, Organization o) {
        return mamori.partners().views(o.id(), mamori.today()).stream().filter(v -> readsContract(scope, o, v.contract())).toList();
    }

    public boolean readsContract(AccessScope scope, Organization o, Contract k) {
        if (reader(scope, o.id())) return true;
        // by the vendor record the account is bound to, not by name: a scope without one sees no contract
        return scope.role() == Role.VENDOR && scope.canReadOrganization(o.id()) && scope.vendorId() != null && k.vendorId() == scope.vendorId();
    }

    public Contract contract(AccessScope scope, Organization o, String code) {
        Contract k = mamori.contracts().find(o.id(), code).orElseThrow(() -> new NotFoundException("no such contract"));
        if (!readsContract(scope, o, k)) throw new NotFoundException("no such contract");
        return k;
    }

    /** Answering: the officer (reviewed) or the contract's vendor (proposal); else 403 for a reader. */
    public boolean answersAsVendor(AccessScope scope, Organization o) {
        if (scope.canWriteOrganization(o.id())) return false;
        if (scope.role() == Role.VENDOR) return true;
        throw new ForbiddenException("read-only");
    }

    public void requireApprover(AccessScope scope, Organization o) {
        if (!scope.canWriteOrganization(o.id())) throw new ForbiddenException("only a security officer approves");
    }

    public Actor actor(AccessScope scope, boolean api) {
        return Actor.web(scope.username(), api, scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.ADMIN);
    }

    public ContractView view(Contract k) {
        return mamori.partners().view(k, mamori.today());
    }
}
