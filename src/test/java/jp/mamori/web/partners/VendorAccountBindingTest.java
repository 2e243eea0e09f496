package jp.mamori.web.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.VendorKind;
import jp.mamori.partners.VendorStore;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A VENDOR account is bound to its vendor record (issue 14): creating the account stores
 * app_user.vendor_id, and the partners pages decide which contracts it sees by that id — a
 * contract whose vendor merely has the same name (another organisation's 甲社) is not its own.
 * Accounts made after V23 without the binding are bound by V33. On H2 and PostgreSQL.
 */
class VendorAccountBindingTest {

    static final Actor OFFICER = Actor.web("officer", false, true);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T01:00:00Z"), ZoneOffset.UTC);

    static long vendorIdColumn(Database db, String username) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT vendor_id FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long id = rs.getLong(1);
                return rs.wasNull() ? -1 : id;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVendorAccountIsBoundToItsVendorRecordAndSeesContractsByThatRecord(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, CLOCK, new MamoriSettings(Files.createTempDirectory("mamori-binding-"), Map.of()));
            Organization a = m.createOrganization().run(OFFICER, "100001", "甲市", "municipality");
            Organization b = m.createOrganization().run(OFFICER, "100002", "乙町", "municipality");
            for (Organization o : List.of(a, b)) {
                m.saveVendor().run(OFFICER, o.id(), new VendorStore.Input("甲社", null, VendorKind.MAINTENANCE, null, null, null, null, null, null, null, null));
                m.saveVendor().run(OFFICER, o.id(), new VendorStore.Input("乙社", null, VendorKind.MAINTENANCE, null, null, null, null, null, null, null, null));
            }
            long kouA = m.vendors().require(a.id(), "甲社").id();
            long kouB = m.vendors().require(b.id(), "甲社").id();
            assertThat(kouA).isNotEqualTo(kouB);

            UserStore users = new UserStore(db.dataSource(), m.audit(), null, new BCryptPasswordEncoder(4), CLOCK);
            UserAccount created = users.create(new UserStore.NewUser("vendor-kou", null, Role.VENDOR, a.id(), null, " 甲社 ", false), "setup").user();
            assertThat(vendorIdColumn(db, "vendor-kou")).as("app_user.vendor_id is the record of 甲社 of organisation A").isEqualTo(kouA);
            assertThat(created.vendorId()).isEqualTo(kouA);
            UserAccount read = users.findById(created.id()).orElseThrow();
            assertThat(read.vendorId()).isEqualTo(kouA);
            assertThat(read.scope().vendorId()).isEqualTo(kouA);
            users.create(new UserStore.NewUser("officer-a", null, Role.SECURITY_OFFICER, a.id(), null, null, false), "setup");
            assertThat(vendorIdColumn(db, "officer-a")).as("no vendor for other roles").isEqualTo(-1);

            for (Organization o : List.of(a, b)) {
                m.saveContract().run(OFFICER, o.id(), new SaveContract.Input("K-1", "保守", "甲社", ContractKind.MAINTENANCE, ContractStatus.ACTIVE,
                        null, null, null, false, null, List.of(), List.of()));
            }
            m.saveContract().run(OFFICER, a.id(), new SaveContract.Input("K-2", "運用", "乙社", ContractKind.OPERATION, ContractStatus.ACTIVE,
                    null, null, null, false, null, List.of(), List.of()));
            Contract ownA = m.contracts().require(a.id(), "K-1");
            Contract otherVendorA = m.contracts().require(a.id(), "K-2");
            Contract sameNameB = m.contracts().require(b.id(), "K-1");
            assertThat(sameNameB.vendorName()).isEqualTo(ownA.vendorName());

            PartnersWeb web = new PartnersWeb(m, null);
            AccessScope scope = read.scope();
            assertThat(web.readsContract(scope, a, ownA)).as("its own vendor's contract").isTrue();
            assertThat(web.readsContract(scope, a, otherVendorA)).as("乙社's contract").isFalse();
            assertThat(web.readsContract(scope, a, sameNameB)).as("another organisation's 甲社: the same name, another record").isFalse();
            assertThat(web.contracts(scope, a)).extracting(v -> v.contract().code()).containsExactly("K-1");

            AccessScope nameOnly = AccessScope.of(read.id(), read.username(), Role.VENDOR, a.id(), Set.of(), "甲社", false);
            assertThat(web.readsContract(nameOnly, a, ownA)).as("a vendor scope bound to no record sees no contract").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void accountsMadeAfterTheFirstMigrationWithoutTheBindingAreBound(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.settings(kind);
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password()).locations("classpath:db/migration").target("32").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO organization (code, name, kind) VALUES ('300001', '丙市', 'municipality')");
            s.executeUpdate("INSERT INTO organization (code, name, kind) VALUES ('300002', '丁町', 'municipality')");
            s.executeUpdate("INSERT INTO vendor (organization_id, name) SELECT id, '甲社' FROM organization");
            for (String[] u : new String[][] {{"v-hei", "300001"}, {"v-tei", "300002"}}) {
                s.executeUpdate("INSERT INTO app_user (username, display_name, password_hash, role, organization_id, enabled, must_change_password, vendor_name) "
                        + "SELECT '" + u[0] + "', 'v', 'x', 'VENDOR', id, TRUE, TRUE, '甲社' FROM organization WHERE code = '" + u[1] + "'");
            }
        }
        try (Database db = Database.open(settings); Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT u.username, v.organization_id = u.organization_id, v.name FROM app_user u LEFT JOIN vendor v ON v.id = u.vendor_id ORDER BY u.username")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertThat(rs.getString(3)).as("%s bound", rs.getString(1)).isEqualTo("甲社");
                assertThat(rs.getBoolean(2)).as("%s bound to its own organisation's 甲社", rs.getString(1)).isTrue();
            }
            assertThat(n).isEqualTo(2);
        }
    }
}
