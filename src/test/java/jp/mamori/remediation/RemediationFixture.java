package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.notify.JdbcRecipients;
import jp.mamori.testsupport.TestDatabases;

/**
 * A municipality with a telework system (an internet-boundary gateway) and a business system, its
 * people (security officer, CISO, system administrator) and findings written directly, for tests
 * of what people and the daily run do with findings.
 */
public final class RemediationFixture implements AutoCloseable {

    public final Database db;
    public final MutableClock clock;
    public final Organization org;
    public final ItSystem telework;
    public final ItSystem juki;
    public final Asset gateway;
    public final Asset server;
    public final JdbcRecipients recipients;
    public final MitigationService mitigations;
    public final FindingWorkflow workflow;
    private final InventoryRepository repo;

    public RemediationFixture(TestDatabases.Kind kind, MutableClock clock) {
        this.db = Database.open(TestDatabases.settings(kind));
        this.clock = clock;
        this.repo = new InventoryRepository(db.dataSource());
        this.org = repo.createOrganization("999998", "試験市", "municipality");
        this.telework = repo.createSystem(org.id(), "telework", "テレワークシステム", Segment.INTERNET, new Importance("3B", "2", "2"),
                "情報政策課", null, List.of("Aテック株式会社"));
        this.juki = repo.createSystem(org.id(), "juki", "住民記録システム", Segment.MYNUMBER, new Importance("3A", "2", "2"),
                "市民課", null, List.of("Bシステムズ株式会社"));
        this.gateway = repo.createAsset(org.id(), telework.id(), new InventoryRepository.NewAsset("vpn-gw-01", "VPNゲートウェイ",
                AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler Gateway", "13.1-49.13",
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*", Exposure.OPEN, true, "Aテック株式会社"));
        this.server = repo.createAsset(org.id(), juki.id(), new InventoryRepository.NewAsset("juki-ap-01", "住民記録APサーバ",
                AssetKind.SERVER, "Bシステムズ", "住民記録システム", "4.2.0", null, Exposure.SMALL, false, "Bシステムズ株式会社"));
        this.recipients = new JdbcRecipients(db.dataSource());
        this.mitigations = new MitigationService(db, clock);
        this.workflow = new FindingWorkflow(db, recipients, mitigations, clock);
        user("sec-officer", "SECURITY_OFFICER", "officer@city.example");
    }

    public Asset asset(long systemId, String code, boolean boundary) {
        return repo.createAsset(org.id(), systemId, new InventoryRepository.NewAsset(code, code, AssetKind.SERVER, null, "x", "1",
                null, boundary ? Exposure.OPEN : Exposure.SMALL, boundary, null));
    }

    public long user(String username, String role, String email) {
        return user(org.id(), username, role, email);
    }

    public long user(long orgId, String username, String role, String email) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, display_name, password_hash, "
                + "role, organization_id, email) VALUES (?, ?, 'x', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setString(3, role);
            ps.setLong(4, orgId);
            ps.setString(5, email);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the security migration adds (CISO flag, system assignments), created here when it has not landed yet. */
    public void securitySchema() {
        sql("ALTER TABLE app_user ADD COLUMN IF NOT EXISTS ciso BOOLEAN NOT NULL DEFAULT FALSE");
        sql("CREATE TABLE IF NOT EXISTS user_system (user_id BIGINT NOT NULL REFERENCES app_user (id), "
                + "system_id BIGINT NOT NULL REFERENCES it_system (id), PRIMARY KEY (user_id, system_id))");
    }

    public void makeCiso(long userId) {
        sql("UPDATE app_user SET ciso = TRUE WHERE id = " + userId);
    }

    public void assign(long userId, long systemId) {
        sql("INSERT INTO user_system (user_id, system_id) VALUES (" + userId + ", " + systemId + ")");
    }

    /** A finding as matching would have stored it. */
    public long finding(Asset asset, String identity, String vulnId, String outcome, LocalDate due, FindingState state) {
        return finding(asset, identity, "comp", "1.0", vulnId, outcome, due, state, "crit");
    }

    public long finding(Asset asset, String identity, String name, String version, String vulnId, String outcome, LocalDate due,
                        FindingState state, String criterion) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO finding (organization_id, system_id, asset_id, "
                + "component_identity, component_name, component_version, vuln_id, confidence, candidate, match_by, match_source, criterion, "
                + "evidence, state, outcome, priority, due_date, severity, cvss_score, exploitation, first_seen, last_seen) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'high', FALSE, 'purl', 'osv', ?, '{}', ?, ?, ?, ?, 'critical', 9.8, 'active', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, asset.organizationId());
            ps.setLong(2, asset.systemId());
            ps.setLong(3, asset.id());
            ps.setString(4, identity);
            ps.setString(5, name);
            ps.setString(6, version);
            ps.setString(7, vulnId);
            ps.setString(8, criterion);
            ps.setString(9, state.key());
            ps.setString(10, outcome);
            ps.setInt(11, "act".equals(outcome) ? 40 : 30);
            ps.setDate(12, due == null ? null : Date.valueOf(due));
            ps.setTimestamp(13, Timestamp.from(clock.instant()));
            ps.setTimestamp(14, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String state(long findingId) {
        return queryString("SELECT state FROM finding WHERE id = " + findingId);
    }

    public long count(String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String queryString(String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sql(String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(jp.mamori.triage.policy.TriagePolicy.TOKYO));
    }

    @Override
    public void close() {
        db.close();
    }
}
