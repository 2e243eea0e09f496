package jp.mamori.web.support;

import jp.mamori.app.Mamori;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.security.AccessScope;
import jp.mamori.security.OutOfScopeException;
import org.springframework.stereotype.Component;

/**
 * Which organisation a request works in, and the caller's scope as query filters. Everyone but
 * the instance administrator works in their own organisation; the administrator chooses one
 * ({@code ?org=ID}, remembered in the session; else the first). Lookups by id resolve the
 * owning organisation for the administrator only: for everyone else the query is bound to
 * their own organisation, so another tenant's id simply finds nothing (404).
 */
@Component
public class Tenancy {

    public static final String SESSION_ORG = "mamori.org";
    private static final String REQUEST_ORG = Tenancy.class.getName() + ".org";
    private static final Set<String> OWNED_TABLES = Set.of("finding", "asset", "it_system", "sbom_document", "acceptance_request",
            "detection", "detection_incident");

    private final DataSource dataSource;
    private final InventoryRepository inventory;

    public Tenancy(Mamori mamori) {
        Database database = mamori.database();
        this.dataSource = database.dataSource();
        this.inventory = mamori.inventory();
    }

    public InventoryRepository inventory() {
        return inventory;
    }

    /** Organisations the caller may see: all for the administrator, else their own. */
    public List<Organization> visible(AccessScope scope) {
        if (scope.instanceWide()) return inventory.listOrganizations();
        return inventory.organizationById(scope.organizationId()).map(List::of).orElse(List.of());
    }

    /** The organisation of this request; empty only for an administrator while no organisation exists. */
    public Optional<Organization> current(AccessScope scope, HttpServletRequest request) {
        Object cached = request.getAttribute(REQUEST_ORG);
        if (cached instanceof Organization o) return Optional.of(o);
        Optional<Organization> org;
        if (!scope.instanceWide()) {
            org = inventory.organizationById(scope.organizationId());
        } else {
            String param = request.getParameter("org");
            HttpSession session = request.getSession(false);
            Object remembered = session == null ? null : session.getAttribute(SESSION_ORG);
            if (param != null && !param.isBlank()) {
                org = inventory.organizationById(parseId(param));
                if (org.isEmpty()) throw new NotFoundException("no such organisation");
            } else if (remembered instanceof Long id && inventory.organizationById(id).isPresent()) {
                org = inventory.organizationById(id);
            } else {
                org = inventory.listOrganizations().stream().findFirst();
            }
        }
        org.ifPresent(o -> request.setAttribute(REQUEST_ORG, o));
        return org;
    }

    public Organization require(AccessScope scope, HttpServletRequest request) {
        return current(scope, request).orElseThrow(() -> new NotFoundException("no organisation"));
    }

    /** The administrator's choice of organisation for the rest of the session. */
    public void choose(AccessScope scope, HttpSession session, long orgId) {
        if (!scope.instanceWide()) throw new OutOfScopeException("only the instance administrator chooses an organisation");
        if (inventory.organizationById(orgId).isEmpty()) throw new NotFoundException("no such organisation");
        session.setAttribute(SESSION_ORG, orgId);
    }

    /**
     * The organisation a row is looked up in: the owner for the administrator, the caller's own
     * organisation for everyone else (rows of other tenants are then not found).
     */
    public long ownerOf(AccessScope scope, String table, long id) {
        if (!scope.instanceWide()) return scope.organizationId();
        if (!OWNED_TABLES.contains(table)) throw new IllegalArgumentException(table);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT organization_id FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table + ": " + e.getMessage(), e);
        }
        throw new NotFoundException("not found");
    }

    /**
     * The caller's scope as a findings filter: systems for a system administrator, the vendor for
     * a vendor, nothing more for organisation-wide readers; anything else sees nothing (fail closed).
     */
    public static FindingQuery.Filter scoped(AccessScope scope, FindingQuery.Filter f) {
        List<Long> systemIds = null;
        String vendor = null;
        switch (scope.role()) {
            case ADMIN, SECURITY_OFFICER, AUDITOR -> { }
            case SYSTEM_ADMIN -> systemIds = new ArrayList<>(scope.systemIds());
            case VENDOR -> {
                vendor = scope.vendorName();
                if (vendor == null) systemIds = List.of();
            }
            default -> systemIds = List.of();
        }
        // a vendor bound to its record is matched by the record, not by a name another vendor could carry
        return new FindingQuery.Filter(f.states(), f.outcome(), f.systemId(), f.assetId(), f.candidates(), systemIds, vendor, f.vulnId(),
                scope.role() == jp.mamori.security.Role.VENDOR ? scope.vendorId() : null);
    }

    public static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("番号ではありません / not an id: " + s.replaceAll("[^0-9A-Za-z_-]", "?"));
        }
    }
}
