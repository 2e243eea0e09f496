package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.web.MamoriWebApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MAMORI_DB_READ_URL}: the replica is a PostgreSQL role that may only read (as a streaming
 * replica's connections can only read), on the same data, so {@code current_user} tells which server a
 * statement reached. Plain reads of read-only requests go there; every write — in the read scope or not —
 * goes to the primary, and would fail if it did not.
 */
class ReadReplicaTest {

    @TempDir Path dir;

    static String who(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A login role that may read the schema and nothing else. */
    static DatabaseSettings readOnlyRole(DatabaseSettings primary) throws SQLException {
        String url = primary.url();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String role = "ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, primary.user(), primary.password()); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'replica-" + role + "'");
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
            s.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on");
        }
        return new DatabaseSettings(url, role, "replica-" + role);
    }

    @Test
    void readOnlyRequestsReadFromTheReplicaAndWritesNeverGoThere() throws Exception {
        DatabaseSettings primary = TestDatabases.postgres();
        Database.open(primary).close(); // the schema exists before the role is granted its tables
        DatabaseSettings replica = readOnlyRole(primary);
        try (Database db = Database.open(primary, replica)) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            String owner = primary.user();
            assertThat(db.hasReadReplica()).isTrue();

            // outside a read scope (the CLI, jobs, POSTs): everything on the primary
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(who(c, "SELECT current_user")).isEqualTo(owner);
            }

            try (Database.ReadScope scope = db.readOnly()) {
                try (Connection c = db.dataSource().getConnection()) {
                    assertThat(who(c, "SELECT current_user")).as("a plain read").isEqualTo(replica.user());
                    assertThat(who(c, "  select current_user")).isEqualTo(replica.user());
                    assertThat(who(c, "SELECT current_user FROM flyway_schema_history LIMIT 1 FOR UPDATE"))
                            .as("a locking read").isEqualTo(owner);
                }
                // writes inside a read scope: a repository's insert (auto-commit), an audit entry, a transaction — all stored
                long org = m.inventory().createOrganization("999101", "守里市", "municipality").id();
                Audited.record(m, Actor.system("test"), org, Audited.ORG_CREATED, "organization:999101", "replica test");
                String inTx = db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE organization SET name = ? WHERE id = ?")) {
                        ps.setString(1, "守里市（更新）");
                        ps.setLong(2, org);
                        ps.executeUpdate();
                    }
                    return who(c, "SELECT current_user");
                });
                assertThat(inTx).as("a transaction stays on the primary").isEqualTo(owner);
                // a connection that wrote reads its own writes from the primary
                try (Connection c = db.dataSource().getConnection()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE organization SET kind = kind WHERE id = ?")) {
                        ps.setLong(1, org);
                        assertThat(ps.executeUpdate()).isEqualTo(1);
                    }
                    assertThat(who(c, "SELECT current_user")).isEqualTo(owner);
                }
                // the application's own reads are served, from the replica
                assertThat(m.inventory().findOrganization("999101")).hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("守里市（更新）"));
            }
            long[] counts = db.readRoutingCounts();
            assertThat(counts[0]).as("statements on the replica").isGreaterThanOrEqualTo(3);
            assertThat(counts[2]).as("replica failures").isZero();
            assertThat(m.audit().verify().intact()).isTrue();
        }
        // the replica role really cannot write: what the routing keeps writes away from
        try (Connection c = DriverManager.getConnection(replica.url(), replica.user(), replica.password()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE organization SET name = 'x'")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theServersReadOnlyRequestsAreServedFromTheReplica() throws Exception {
        DatabaseSettings primary = TestDatabases.postgres();
        Database.open(primary).close();
        DatabaseSettings replica = readOnlyRole(primary);
        try (Database db = Database.open(primary, replica)) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            InventoryRepository inv = m.inventory();
            long org = inv.createOrganization("999102", "守里町", "municipality").id();
            long sys = inv.createSystem(org, "S", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
            inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap-01", "AP", AssetKind.SERVER, null, null, null, null, Exposure.CONTROLLED, false, null));
            AuditLog audit = new AuditLog(db.dataSource());
            UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
            UserStore.Created c = users.create(new UserStore.NewUser("auditor", null, Role.AUDITOR, org, Set.of(), null, false), "test");
            users.changePassword(c.user().id(), c.oneTimePassword(), "Read-Replica-Test-2026!");
            String token = new ApiTokenStore(db.dataSource(), audit).issue(users.findById(c.user().id()).orElseThrow(), "t", List.of("read"), 1, "test").secret();
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dir);
            try {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpClient http = HttpClient.newHttpClient();
                long before = db.readRoutingCounts()[0];
                for (String path : List.of("/api/v1/assets", "/api/v1/findings")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    if (path.endsWith("assets")) assertThat(r.body()).contains("ap-01");
                }
                assertThat(db.readRoutingCounts()[0]).as("reads served by the replica").isGreaterThan(before);
                // the token's last use, written during a GET, reached the primary (the replica would have refused it)
                try (Connection conn = DriverManager.getConnection(primary.url(), primary.user(), primary.password());
                     PreparedStatement ps = conn.prepareStatement("SELECT last_used_at FROM api_token");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getObject(1)).isNotNull();
                }
            } finally {
                context.close();
            }
        }
    }

    @Test
    void aReplicaNeedsAPostgresPrimaryAndAnUnreachableOneIsAClearError() {
        DatabaseSettings h2 = TestDatabases.h2();
        assertThatThrownBy(() -> Database.open(h2, new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/x", "u", "p")))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("MAMORI_DB_READ_URL");
        DatabaseSettings primary = TestDatabases.postgres();
        assertThatThrownBy(() -> Database.open(primary, new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/mamori", "u", "p")))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("read replica").hasMessageContaining("127.0.0.1:1");
        assertThat(DatabaseSettings.replica(Map.of(), primary)).isNull();
        DatabaseSettings r = DatabaseSettings.replica(Map.of("MAMORI_DB_READ_URL", "jdbc:postgresql://replica:5432/mamori"), primary);
        assertThat(r.url()).isEqualTo("jdbc:postgresql://replica:5432/mamori");
        assertThat(r.user()).isEqualTo(primary.user());
    }

    @Test
    void onlyPlainSelectsCountAsReads() {
        assertThat(ReadRouting.isRead("SELECT 1")).isTrue();
        assertThat(ReadRouting.isRead("\n  select id from finding where organization_id = ?")).isTrue();
        assertThat(ReadRouting.isRead("SELECT id FROM job WHERE state = 'queued' FOR UPDATE SKIP LOCKED")).isFalse();
        assertThat(ReadRouting.isRead("select * from x for share")).isFalse();
        assertThat(ReadRouting.isRead("WITH d AS (DELETE FROM x RETURNING *) SELECT * FROM d")).isFalse();
        assertThat(ReadRouting.isRead("INSERT INTO x SELECT 1")).isFalse();
        assertThat(ReadRouting.isRead("UPDATE x SET a = (SELECT 1)")).isFalse();
        assertThat(ReadRouting.isRead("SELECT nextval('s')")).isFalse();
        assertThat(ReadRouting.isRead("SELECT pg_advisory_xact_lock(7)")).isFalse();
    }
}
