package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against its own and another organisation, an assigned and an unassigned system, its
 * own and another vendor's asset. Then the same decisions as SQL, on H2 and PostgreSQL.
 */
class AccessScopeTest {

    // organisation 1: systems 11 (assigned to the system admin) and 12; organisation 2: system 21
    static final long OWN_ORG = 1;
    static final long OTHER_ORG = 2;
    static final long ASSIGNED = 11;
    static final long UNASSIGNED = 12;
    static final long OTHER_ORG_SYSTEM = 21;
    static final String OWN_VENDOR = "甲社";
    static final String OTHER_VENDOR = "乙社";
    static final long OWN_VENDOR_ID = 101;
    static final long OTHER_VENDOR_ID = 102;
    /** The vendor record of organisation 2 that is also called 甲社. */
    static final long OTHER_ORG_VENDOR_ID = 201;

    static AccessScope scope(Role role, boolean ciso) {
        return switch (role) {
            case ADMIN -> AccessScope.of(1, "root", role, null, Set.of(), null, false);
            case SECURITY_OFFICER -> AccessScope.of(2, "officer", role, OWN_ORG, Set.of(), null, ciso);
            case SYSTEM_ADMIN -> AccessScope.of(3, "sysadmin", role, OWN_ORG, Set.of(ASSIGNED), null, false);
            case VENDOR -> AccessScope.vendor(4, "vendor", OWN_ORG, OWN_VENDOR, OWN_VENDOR_ID);
            case AUDITOR -> AccessScope.of(5, "auditor", role, OWN_ORG, Set.of(), null, false);
            case PREFECTURE_OPERATOR -> AccessScope.of(6, "operator", role, OWN_ORG, Set.of(), null, false);
        };
    }

    /** role; expected: read own org data (all), read other org, read assigned system, read unassigned, read own-vendor asset
     *  in an unassigned system, read other-vendor asset, write assigned system, write own-vendor asset, manage users, read audit. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                //                                 allOwn  otherOrg assigned unassig ownVend othVend wrSys  wrVend users  audit
                Arguments.of(Role.ADMIN, false,     true,  true,    true,    true,   true,   true,   true,  true,  true,  true),
                Arguments.of(Role.SECURITY_OFFICER, false, true, false, true,    true,   true,   true,   true,  true,  true,  false),
                Arguments.of(Role.SECURITY_OFFICER, true,  true, false, true,    true,   true,   true,   true,  true,  true,  true),
                Arguments.of(Role.SYSTEM_ADMIN, false, false, false,   true,    false,  false,  false,  true,  false, false, false),
                Arguments.of(Role.VENDOR, false,    false, false,   false,   false,  true,   false,  false, true,  false, false),
                Arguments.of(Role.AUDITOR, false,   true,  false,   true,    true,   true,   true,   false, false, false, true),
                // the prefecture's operator: nothing through the regular scope (its view is the prefecture page, under grants)
                Arguments.of(Role.PREFECTURE_OPERATOR, false, false, false, false, false, false, false, false, false, false, false));
    }

    @ParameterizedTest(name = "{0} ciso={1}")
    @MethodSource("matrix")
    void decisions(Role role, boolean ciso, boolean allOwn, boolean otherOrg, boolean assigned, boolean unassigned, boolean ownVendorAsset,
                   boolean otherVendorAsset, boolean writeAssigned, boolean writeOwnVendorAsset, boolean manageUsers, boolean audit) {
        AccessScope s = scope(role, ciso);
        assertThat(s.canReadOrganization(OWN_ORG)).as("read own organisation").isTrue();
        assertThat(s.canReadOrganization(OTHER_ORG)).as("read other organisation").isEqualTo(otherOrg);
        assertThat(s.canReadAllOf(OWN_ORG)).as("read all of own organisation").isEqualTo(allOwn);
        assertThat(s.canReadAllOf(OTHER_ORG)).as("read all of other organisation").isEqualTo(otherOrg);

        assertThat(s.canReadSystem(OWN_ORG, ASSIGNED)).as("read assigned system").isEqualTo(assigned);
        assertThat(s.canReadSystem(OWN_ORG, UNASSIGNED)).as("read unassigned system").isEqualTo(unassigned);
        assertThat(s.canReadSystem(OTHER_ORG, OTHER_ORG_SYSTEM)).as("read other organisation's system").isEqualTo(otherOrg);
        // a system id of the own organisation presented with another organisation id is never a way in
        assertThat(s.canReadSystem(OTHER_ORG, ASSIGNED)).as("assigned system id under another organisation").isEqualTo(otherOrg);

        assertThat(s.canReadAsset(OWN_ORG, UNASSIGNED, OWN_VENDOR_ID, OWN_VENDOR)).as("read own vendor's asset").isEqualTo(ownVendorAsset);
        assertThat(s.canReadAsset(OWN_ORG, UNASSIGNED, OTHER_VENDOR_ID, OTHER_VENDOR)).as("read other vendor's asset").isEqualTo(otherVendorAsset);
        assertThat(s.canReadAsset(OWN_ORG, UNASSIGNED, null, null)).as("read asset without vendor").isEqualTo(otherVendorAsset);
        assertThat(s.canReadAsset(OWN_ORG, ASSIGNED, OTHER_VENDOR_ID, OTHER_VENDOR)).as("read asset in assigned system").isEqualTo(assigned);
        assertThat(s.canReadAsset(OTHER_ORG, OTHER_ORG_SYSTEM, OTHER_ORG_VENDOR_ID, OWN_VENDOR)).as("read same-named vendor's asset in other organisation").isEqualTo(otherOrg);

        assertThat(s.canWriteSystem(OWN_ORG, ASSIGNED)).as("write assigned system").isEqualTo(writeAssigned);
        assertThat(s.canWriteSystem(OWN_ORG, UNASSIGNED)).as("write unassigned system").isEqualTo(writeAssigned && unassigned);
        assertThat(s.canWriteSystem(OTHER_ORG, OTHER_ORG_SYSTEM)).as("write other organisation's system").isEqualTo(role == Role.ADMIN);
        assertThat(s.canWriteAsset(OWN_ORG, UNASSIGNED, OWN_VENDOR_ID, OWN_VENDOR)).as("write own vendor's asset").isEqualTo(writeOwnVendorAsset && (role != Role.SYSTEM_ADMIN));
        assertThat(s.canWriteAsset(OWN_ORG, UNASSIGNED, OTHER_VENDOR_ID, OTHER_VENDOR)).as("write other vendor's asset")
                .isEqualTo(role == Role.ADMIN || role == Role.SECURITY_OFFICER);
        assertThat(s.canWriteAsset(OTHER_ORG, OTHER_ORG_SYSTEM, OTHER_ORG_VENDOR_ID, OWN_VENDOR)).as("write other organisation's asset").isEqualTo(role == Role.ADMIN);
        assertThat(s.canWriteOrganization(OWN_ORG)).as("write own organisation").isEqualTo(role == Role.ADMIN || role == Role.SECURITY_OFFICER);
        assertThat(s.canWriteOrganization(OTHER_ORG)).as("write other organisation").isEqualTo(role == Role.ADMIN);

        assertThat(s.canManageUsers(OWN_ORG)).as("manage own organisation's users").isEqualTo(manageUsers);
        assertThat(s.canManageUsers(OTHER_ORG)).as("manage other organisation's users").isEqualTo(role == Role.ADMIN);
        assertThat(s.canManageUsers(null)).as("manage instance users").isEqualTo(role == Role.ADMIN);
        assertThat(s.canAssignRole(Role.ADMIN, OWN_ORG)).as("create an ADMIN").isEqualTo(role == Role.ADMIN);

        assertThat(s.canReadAudit()).as("read audit log").isEqualTo(audit);
        assertThat(s.canReadAudit(OWN_ORG)).as("read own audit").isEqualTo(audit);
        assertThat(s.canReadAudit(OTHER_ORG)).as("read other organisation's audit").isEqualTo(role == Role.ADMIN);
        assertThat(s.canReadAudit((Long) null)).as("read instance audit").isEqualTo(role == Role.ADMIN);

        assertThat(s.readOnly()).isEqualTo(role == Role.AUDITOR || role == Role.PREFECTURE_OPERATOR);
        assertThat(s.instanceWide()).isEqualTo(role == Role.ADMIN);
    }

    @Test
    void scopesThatBreakTheTenantRulesCannotBeBuilt() {
        assertThatThrownBy(() -> AccessScope.of(1, "x", Role.ADMIN, 1L, Set.of(), null, false)).hasMessageContaining("instance-wide");
        assertThatThrownBy(() -> AccessScope.of(1, "x", Role.AUDITOR, null, Set.of(), null, false)).hasMessageContaining("organisation");
        assertThatThrownBy(() -> AccessScope.of(1, "x", Role.VENDOR, 1L, Set.of(), " ", false)).hasMessageContaining("vendor");
        assertThatThrownBy(() -> AccessScope.of(1, "x", Role.AUDITOR, 1L, Set.of(), null, true)).hasMessageContaining("CISO");
        assertThatThrownBy(() -> new AccessScope.Columns("a.organization_id; DROP TABLE x", null, null)).hasMessageContaining("not a column");
        assertThatThrownBy(() -> scope(Role.VENDOR, false).require(false, "asset 5")).isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void aSystemAdminWithoutSystemsAndFiltersWithoutTheNeededColumnSeeNothing() {
        AccessScope noSystems = AccessScope.of(3, "sa", Role.SYSTEM_ADMIN, OWN_ORG, Set.of(), null, false);
        assertThat(noSystems.readFilter(new AccessScope.Columns("a.organization_id", "a.system_id", null)).sql()).isEqualTo("(1 = 0)");
        assertThat(scope(Role.SYSTEM_ADMIN, false).readFilter(AccessScope.Columns.organization("o.id")).sql()).isEqualTo("(1 = 0)");
        assertThat(scope(Role.VENDOR, false).readFilter(new AccessScope.Columns("s.organization_id", "s.id", null)).sql()).isEqualTo("(1 = 0)");
        assertThat(scope(Role.AUDITOR, false).writeFilter(AccessScope.Columns.organization("o.id")).sql()).isEqualTo("(1 = 0)");
        assertThat(scope(Role.ADMIN, false).readFilter(AccessScope.Columns.organization("o.id")).sql()).isEqualTo("(1 = 1)");
    }

    /** The same decisions as SQL over the real schema: which assets each role reads and writes. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void sqlFiltersBindQueriesToTheScope(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            AccessScope admin = AccessScope.of(1, "root", Role.ADMIN, null, Set.of(), null, false);
            AccessScope officer = AccessScope.of(2, "officer", Role.SECURITY_OFFICER, t.orgA, Set.of(), null, false);
            AccessScope sysadmin = AccessScope.of(3, "sysadmin", Role.SYSTEM_ADMIN, t.orgA, Set.of(t.sysA2), null, false);
            AccessScope vendor = AccessScope.vendor(4, "vendor", t.orgA, "甲社", vendorOf(db, t.assetA1));
            AccessScope auditor = AccessScope.of(5, "auditor", Role.AUDITOR, t.orgB, Set.of(), null, false);
            AccessScope.Columns cols = new AccessScope.Columns("a.organization_id", "a.system_id", "a.vendor_id");

            assertThat(assets(db, admin.readFilter(cols))).containsExactly("A1-GW", "A2-SV", "B1-SV");
            assertThat(assets(db, officer.readFilter(cols))).containsExactly("A1-GW", "A2-SV");
            assertThat(assets(db, sysadmin.readFilter(cols))).containsExactly("A2-SV");
            // 甲社 also maintains B1-SV, but in another organisation
            assertThat(assets(db, vendor.readFilter(cols))).containsExactly("A1-GW");
            assertThat(assets(db, auditor.readFilter(cols))).containsExactly("B1-SV");

            assertThat(assets(db, officer.writeFilter(cols))).containsExactly("A1-GW", "A2-SV");
            assertThat(assets(db, vendor.writeFilter(cols))).containsExactly("A1-GW");
            assertThat(assets(db, auditor.writeFilter(cols))).isEmpty();

            // the organisation table itself
            assertThat(orgs(db, vendor.organizationFilter("o.id"))).containsExactly("012033");
            assertThat(orgs(db, auditor.organizationFilter("o.id"))).containsExactly("012041");
            assertThat(orgs(db, admin.organizationFilter("o.id"))).containsExactly("012033", "012041");

            // the scope is consistent with the in-memory decision for every asset
            for (AccessScope s : List.of(admin, officer, sysadmin, vendor, auditor)) {
                List<String> expected = new ArrayList<>();
                if (s.canReadAsset(t.orgA, t.sysA1, vendorOf(db, t.assetA1), "甲社")) expected.add("A1-GW");
                if (s.canReadAsset(t.orgA, t.sysA2, vendorOf(db, t.assetA2), "乙社")) expected.add("A2-SV");
                if (s.canReadAsset(t.orgB, t.sysB1, vendorOf(db, t.assetB1), "甲社")) expected.add("B1-SV");
                assertThat(assets(db, s.readFilter(cols))).as(s.toString()).isEqualTo(expected);
            }
        }
    }

    /**
     * A vendor account is bound to its vendor record (V33), not to a name: once 甲社 is renamed and another vendor
     * takes the name 甲社 — the account still carries the old name — the account sees its own vendor's asset and
     * not the newcomer's, in SQL and in memory; the other organisation's 甲社 stays apart; an account never bound
     * (migrated with a name and no record) is still matched by that name.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVendorAccountSeesItsOwnVendorRecordsAssetsWhateverTheNames(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            long kou = vendorOf(db, t.assetA1);
            AccessScope bound = AccessScope.vendor(4, "kou-staff", t.orgA, "甲社", kou);
            AccessScope.Columns cols = new AccessScope.Columns("a.organization_id", "a.system_id", "a.vendor_id");
            assertThat(assets(db, bound.readFilter(cols))).containsExactly("A1-GW");

            // 甲社 becomes 甲社ホールディングス; a new vendor called 甲社 maintains a new asset
            update(db, "UPDATE vendor SET name = '甲社ホールディングス' WHERE id = ?", kou);
            jp.mamori.inventory.InventoryRepository inv = new jp.mamori.inventory.InventoryRepository(db.dataSource());
            long newcomer = inv.createAsset(t.orgA, t.sysA2, new jp.mamori.inventory.InventoryRepository.NewAsset("A2-NEW", "A2-NEW",
                    jp.mamori.inventory.AssetKind.parse("server"), null, null, null, null, jp.mamori.inventory.Exposure.parse("controlled"), false, "甲社")).id();
            long newKou = vendorOf(db, newcomer);
            assertThat(newKou).as("a vendor record of its own").isNotEqualTo(kou);
            AccessScope newStaff = AccessScope.vendor(7, "new-kou-staff", t.orgA, "甲社", newKou);

            assertThat(assets(db, bound.readFilter(cols))).as("the bound account, still carrying the name 甲社").containsExactly("A1-GW");
            assertThat(assets(db, bound.writeFilter(cols))).containsExactly("A1-GW");
            assertThat(assets(db, newStaff.readFilter(cols))).as("the newcomer called 甲社").containsExactly("A2-NEW");
            assertThat(bound.canReadAsset(t.orgA, t.sysA2, newKou, "甲社")).isFalse();
            assertThat(bound.canWriteAsset(t.orgA, t.sysA2, newKou, "甲社")).isFalse();
            assertThat(bound.canReadAsset(t.orgA, t.sysA1, kou, "甲社ホールディングス")).isTrue();
            assertThat(newStaff.canReadAsset(t.orgA, t.sysA1, kou, "甲社ホールディングス")).isFalse();
            assertThat(newStaff.canReadAsset(t.orgB, t.sysB1, vendorOf(db, t.assetB1), "甲社")).as("B's 甲社").isFalse();

            // an account migrated with a name and no record: by the name, as before the binding
            AccessScope unbound = AccessScope.vendor(8, "old-staff", t.orgA, "乙社", null);
            assertThat(assets(db, unbound.readFilter(cols))).containsExactly("A2-SV");
            assertThat(unbound.canReadAsset(t.orgA, t.sysA2, vendorOf(db, t.assetA2), "乙社")).isTrue();
            assertThat(unbound.canReadAsset(t.orgA, t.sysA2, newKou, "甲社")).isFalse();
        }
    }

    private static long vendorOf(Database db, long assetId) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT vendor_id FROM asset WHERE id = ?")) {
            ps.setLong(1, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Database db, String sql, long id) throws Exception {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private static List<String> assets(Database db, AccessScope.SqlFilter f) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT a.code FROM asset a WHERE " + f.sql() + " ORDER BY a.code")) {
            f.bind(ps, 1);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static List<String> orgs(Database db, AccessScope.SqlFilter f) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT o.code FROM organization o WHERE " + f.sql() + " ORDER BY o.code")) {
            f.bind(ps, 1);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }
}
