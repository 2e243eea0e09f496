package jp.mamori.security;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one caller may see and change (SPEC §2), as plain Java for every layer:
 *
 * <table>
 *   <caption>roles</caption>
 *   <tr><th>role</th><th>reads</th><th>writes</th></tr>
 *   <tr><td>ADMIN</td><td>every organisation (explicitly instance-wide)</td><td>everything</td></tr>
 *   <tr><td>SECURITY_OFFICER</td><td>own organisation</td><td>own organisation</td></tr>
 *   <tr><td>SYSTEM_ADMIN</td><td>assigned systems (and their assets) in own organisation</td><td>the same</td></tr>
 *   <tr><td>VENDOR</td><td>assets of own vendor in own organisation</td><td>the same (patch work)</td></tr>
 *   <tr><td>AUDITOR</td><td>own organisation, audit log</td><td>nothing</td></tr>
 *   <tr><td>PREFECTURE_OPERATOR</td><td>none of these filters: only the prefecture view (counts; details under a grant)</td><td>nothing</td></tr>
 * </table>
 *
 * The audit log is read by ADMIN (all), AUDITOR and the CISO (統括情報セキュリティ責任者, a
 * SECURITY_OFFICER with the ciso flag) of the organisation. Every decision is explicit about the
 * organisation: there is no "null means everything" path except {@link Role#ADMIN}.
 *
 * <p>Repositories bind queries to the scope with {@link #readFilter(Columns)} /
 * {@link #writeFilter(Columns)}, which produce a WHERE fragment and its parameters.
 */
public final class AccessScope implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final Role role;
    private final Long organizationId;
    private final Set<Long> systemIds;
    private final String vendorName;
    private final Long vendorId;
    private final boolean ciso;

    private AccessScope(long userId, String username, Role role, Long organizationId, Set<Long> systemIds, String vendorName, Long vendorId, boolean ciso) {
        this.userId = userId;
        this.username = Objects.requireNonNull(username);
        this.role = Objects.requireNonNull(role);
        this.systemIds = Collections.unmodifiableSet(new TreeSet<>(systemIds == null ? Set.of() : systemIds));
        if (role == Role.ADMIN) {
            if (organizationId != null) throw new IllegalArgumentException("an ADMIN is instance-wide and belongs to no organisation");
        } else if (organizationId == null) {
            throw new IllegalArgumentException(role + " needs an organisation");
        }
        if (role == Role.VENDOR && (vendorName == null || vendorName.isBlank())) throw new IllegalArgumentException("a VENDOR needs a vendor name");
        if (ciso && role != Role.SECURITY_OFFICER) throw new IllegalArgumentException("only a SECURITY_OFFICER can be the CISO");
        this.organizationId = organizationId;
        this.vendorName = role == Role.VENDOR ? vendorName : null;
        this.vendorId = role == Role.VENDOR ? vendorId : null;
        this.ciso = ciso;
    }

    public static AccessScope of(long userId, String username, Role role, Long organizationId, Set<Long> systemIds, String vendorName, boolean ciso) {
        return new AccessScope(userId, username, role, organizationId, systemIds, vendorName, null, ciso);
    }

    /** A vendor's account bound to its vendor record ({@code vendorId}; null: an account never bound, matched by {@code vendorName}). */
    public static AccessScope vendor(long userId, String username, long organizationId, String vendorName, Long vendorId) {
        return new AccessScope(userId, username, Role.VENDOR, organizationId, Set.of(), vendorName, vendorId, false);
    }

    public static AccessScope of(UserAccount u) {
        return new AccessScope(u.id(), u.username(), u.role(), u.organizationId(), u.systemIds(), u.vendorName(), u.vendorId(), u.ciso());
    }

    /** The operator at the server's command line: instance-wide, like ADMIN. */
    public static AccessScope commandLine(String osUser) {
        return new AccessScope(0, "cli:" + osUser, Role.ADMIN, null, Set.of(), null, null, false);
    }

    public long userId() { return userId; }
    public String username() { return username; }
    public Role role() { return role; }
    /** Null only for ADMIN (instance-wide). */
    public Long organizationId() { return organizationId; }
    public Set<Long> systemIds() { return systemIds; }
    public String vendorName() { return vendorName; }
    /** The vendor record a VENDOR account is bound to (app_user.vendor_id); null for every other role, and for a scope built without one. */
    public Long vendorId() { return vendorId; }
    public boolean ciso() { return ciso; }

    public boolean instanceWide() {
        return role == Role.ADMIN;
    }

    public boolean readOnly() {
        return role == Role.AUDITOR || role == Role.PREFECTURE_OPERATOR;
    }

    /** The operator of a prefecture's security cloud; its organisation is the prefecture. */
    public boolean prefectureOperator() {
        return role == Role.PREFECTURE_OPERATOR;
    }

    private boolean ownOrg(long orgId) {
        return organizationId != null && organizationId == orgId;
    }

    /** May see that the organisation exists, its name and settings (not necessarily all its data). */
    public boolean canReadOrganization(long orgId) {
        return instanceWide() || ownOrg(orgId);
    }

    /** May read every system, asset and finding of the organisation. */
    public boolean canReadAllOf(long orgId) {
        return switch (role) {
            case ADMIN -> true;
            case SECURITY_OFFICER, AUDITOR -> ownOrg(orgId);
            case SYSTEM_ADMIN, VENDOR, PREFECTURE_OPERATOR -> false;
        };
    }

    /** May change organisation-level things: settings, policy, systems, vendors, contracts. */
    public boolean canWriteOrganization(long orgId) {
        return switch (role) {
            case ADMIN -> true;
            case SECURITY_OFFICER -> ownOrg(orgId);
            case SYSTEM_ADMIN, VENDOR, AUDITOR, PREFECTURE_OPERATOR -> false;
        };
    }

    public boolean canReadSystem(long orgId, long systemId) {
        return switch (role) {
            case ADMIN -> true;
            case SECURITY_OFFICER, AUDITOR -> ownOrg(orgId);
            case SYSTEM_ADMIN -> ownOrg(orgId) && systemIds.contains(systemId);
            case VENDOR, PREFECTURE_OPERATOR -> false;
        };
    }

    public boolean canWriteSystem(long orgId, long systemId) {
        return switch (role) {
            case ADMIN -> true;
            case SECURITY_OFFICER -> ownOrg(orgId);
            case SYSTEM_ADMIN -> ownOrg(orgId) && systemIds.contains(systemId);
            case VENDOR, AUDITOR, PREFECTURE_OPERATOR -> false;
        };
    }

    /**
     * An asset (and its SBOMs and findings); {@code assetVendorId} / {@code assetVendorName}: the record and
     * the name of the asset's vendor (asset.vendor_id and that vendor's name), or null.
     */
    public boolean canReadAsset(long orgId, long systemId, Long assetVendorId, String assetVendorName) {
        if (role == Role.VENDOR) return ownOrg(orgId) && ownVendor(assetVendorId, assetVendorName);
        return canReadSystem(orgId, systemId);
    }

    /** Change an asset or record work on it (a vendor records patch work on its own assets). */
    public boolean canWriteAsset(long orgId, long systemId, Long assetVendorId, String assetVendorName) {
        if (role == Role.VENDOR) return ownOrg(orgId) && ownVendor(assetVendorId, assetVendorName);
        return canWriteSystem(orgId, systemId);
    }

    private boolean ownVendor(Long assetVendorId, String assetVendorName) {
        // bound to its record (V33): the record decides, never a name — a renamed vendor, or another now called as it was, stays apart
        if (vendorId != null) return assetVendorId != null && assetVendorId.equals(vendorId);
        // an account never bound (no vendor record of its name when it was migrated): by name, as before the binding
        return assetVendorName != null && assetVendorName.equals(vendorName);
    }

    /** Create and disable accounts of the organisation (null: instance-level accounts, ADMIN only). */
    public boolean canManageUsers(Long orgId) {
        if (instanceWide()) return true;
        return role == Role.SECURITY_OFFICER && orgId != null && ownOrg(orgId);
    }

    /** May give an account this role (security officers cannot create administrators). */
    public boolean canAssignRole(Role r, Long orgId) {
        if (instanceWide()) return true;
        return canManageUsers(orgId) && r != Role.ADMIN && r != Role.PREFECTURE_OPERATOR;
    }

    /** May read an audit log at all: ADMIN, AUDITOR, the CISO. */
    public boolean canReadAudit() {
        return role == Role.ADMIN || role == Role.AUDITOR || (role == Role.SECURITY_OFFICER && ciso);
    }

    /** May read the audit entries of this organisation (null: instance-level entries, ADMIN only). */
    public boolean canReadAudit(Long orgId) {
        if (!canReadAudit()) return false;
        if (instanceWide()) return true;
        return orgId != null && ownOrg(orgId);
    }

    /** Throws {@link OutOfScopeException} unless {@code allowed}. */
    public void require(boolean allowed, String what) {
        if (!allowed) throw new OutOfScopeException(username + " may not access " + what);
    }

    // ---- SQL

    /**
     * The columns of a query that carry tenant, system and vendor; null where the table has none.
     * {@code assetVendorId}: a column holding {@code asset.vendor_id}, matched against the vendor record
     * the account is bound to (by name through the vendor table only for an account never bound).
     */
    public record Columns(String organizationId, String systemId, String assetVendorId) {
        public Columns {
            Objects.requireNonNull(organizationId, "every scoped table has an organisation column");
            for (String c : new String[] {organizationId, systemId, assetVendorId}) {
                if (c != null && !c.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
                    throw new IllegalArgumentException("not a column name: " + c);
                }
            }
        }

        public static Columns organization(String organizationId) {
            return new Columns(organizationId, null, null);
        }
    }

    /**
     * A WHERE fragment (in parentheses, safe to AND with others) and its parameters, in order.
     * Bind with {@link #bind(PreparedStatement, int)}.
     */
    public record SqlFilter(String sql, List<Object> params) {
        public SqlFilter {
            params = List.copyOf(params);
        }

        /** Binds the parameters from {@code firstIndex}; returns the next free index. */
        public int bind(PreparedStatement ps, int firstIndex) throws SQLException {
            int i = firstIndex;
            for (Object p : params) ps.setObject(i++, p);
            return i;
        }

        @Override
        public String toString() {
            return sql + " " + params;
        }
    }

    private static final SqlFilter NOTHING = new SqlFilter("(1 = 0)", List.of());
    private static final SqlFilter EVERYTHING = new SqlFilter("(1 = 1)", List.of());

    /** Rows the caller may read. Fails closed: a role the columns cannot express gets no rows. */
    public SqlFilter readFilter(Columns c) {
        return filter(c, false);
    }

    /** Rows the caller may change (AUDITOR: none). */
    public SqlFilter writeFilter(Columns c) {
        return filter(c, true);
    }

    /** Organisations the caller may see (for the organisation table itself: pass its id column). */
    public SqlFilter organizationFilter(String organizationIdColumn) {
        new Columns(organizationIdColumn, null, null);
        if (instanceWide()) return EVERYTHING;
        return new SqlFilter("(" + organizationIdColumn + " = ?)", List.of(organizationId));
    }

    private SqlFilter filter(Columns c, boolean write) {
        switch (role) {
            case ADMIN:
                return EVERYTHING;
            case SECURITY_OFFICER:
                return new SqlFilter("(" + c.organizationId() + " = ?)", List.of(organizationId));
            case AUDITOR:
                return write ? NOTHING : new SqlFilter("(" + c.organizationId() + " = ?)", List.of(organizationId));
            case SYSTEM_ADMIN: {
                if (c.systemId() == null || systemIds.isEmpty()) return NOTHING;
                List<Object> params = new ArrayList<>();
                params.add(organizationId);
                params.addAll(systemIds);
                String in = systemIds.stream().map(x -> "?").collect(Collectors.joining(", "));
                return new SqlFilter("(" + c.organizationId() + " = ? AND " + c.systemId() + " IN (" + in + "))", params);
            }
            case VENDOR: {
                if (c.assetVendorId() == null) return NOTHING;
                if (vendorId != null) {
                    return new SqlFilter("(" + c.organizationId() + " = ? AND " + c.assetVendorId() + " = ?)", List.of(organizationId, vendorId));
                }
                return new SqlFilter("(" + c.organizationId() + " = ? AND " + c.assetVendorId()
                        + " IN (SELECT scope_v.id FROM vendor scope_v WHERE scope_v.organization_id = ? AND scope_v.name = ?))",
                        List.of(organizationId, organizationId, vendorName));
            }
            default:
                return NOTHING;
        }
    }

    @Override
    public String toString() {
        return "AccessScope[" + username + " " + role + (organizationId == null ? " instance-wide" : " org=" + organizationId)
                + (systemIds.isEmpty() ? "" : " systems=" + systemIds) + (vendorName == null ? "" : " vendor=" + vendorName)
                + (vendorId == null ? "" : " vendor_id=" + vendorId)
                + (ciso ? " CISO" : "") + "]";
    }
}
