package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditEvent;
import jp.mamori.persistence.Database;
import jp.mamori.security.ApiTokenStore.Refusal;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** API tokens: shown once, stored hashed, scoped, expiring, revocable; H2 and PostgreSQL. */
class ApiTokenStoreTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTokenIsStoredHashedAndWorksUntilItExpiresOrIsRevoked(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserAccount officer = t.users().create(t.user("officer", Role.SECURITY_OFFICER, t.orgA, Set.of(), null, false), "x").user();
            ApiTokenStore tokens = t.tokens();
            ApiTokenStore.Issued issued = tokens.issue(officer, "nightly scan", List.of("read"), 30, "officer");
            assertThat(issued.secret()).startsWith("mmr_").hasSize(47);
            assertThat(issued.toString()).doesNotContain(issued.secret());
            assertThat(issued.token().scopes()).containsExactly("read");
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT token_hash, token_prefix FROM api_token")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(ApiTokenStore.sha256(issued.secret())).doesNotContain(issued.secret().substring(4));
                assertThat(issued.secret()).startsWith(rs.getString(2));
            }

            ApiTokenStore.Check ok = tokens.authenticate(issued.secret());
            assertThat(ok.ok()).isTrue();
            assertThat(ok.token().userId()).isEqualTo(officer.id());
            assertThat(tokens.find(ok.token().id()).orElseThrow().lastUsedAt()).isEqualTo(t.clock.instant());

            assertThat(tokens.authenticate("mmr_" + "A".repeat(43)).refusal()).isEqualTo(Refusal.UNKNOWN);
            assertThat(tokens.authenticate("Bearer nonsense").refusal()).isEqualTo(Refusal.MALFORMED);
            assertThat(tokens.authenticate(issued.secret() + "x").refusal()).isEqualTo(Refusal.MALFORMED);

            t.clock.advance(Duration.ofDays(30));
            assertThat(tokens.authenticate(issued.secret()).refusal()).isEqualTo(Refusal.EXPIRED);

            ApiTokenStore.Issued second = tokens.issue(officer, "ci", List.of("write"), 1, "officer");
            assertThat(second.token().scopes()).containsExactly("read", "write");
            assertThat(tokens.revoke(second.token().id(), "officer", t.orgA)).isTrue();
            assertThat(tokens.revoke(second.token().id(), "officer", t.orgA)).isFalse();
            assertThat(tokens.authenticate(second.secret()).refusal()).isEqualTo(Refusal.REVOKED);
            assertThat(tokens.list(officer.id())).extracting(tk -> tk.status(t.clock.instant()))
                    .containsExactly(ApiToken.Status.REVOKED, ApiToken.Status.EXPIRED);

            ApiTokenStore.Issued third = tokens.issue(officer, "x", List.of(), 5, "officer");
            t.users().disable("officer", "root");
            assertThat(tokens.authenticate(third.secret()).refusal()).isEqualTo(Refusal.USER_DISABLED);

            assertThat(t.audit().list(t.orgA, false, null, 20)).extracting(AuditEvent::action)
                    .contains(AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badRequestsAreRefused(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserAccount auditor = t.users().create(t.user("audit", Role.AUDITOR, t.orgA, Set.of(), null, false), "x").user();
            ApiTokenStore tokens = t.tokens();
            assertThatThrownBy(() -> tokens.issue(auditor, "x", List.of("write"), 5, "x")).hasMessageContaining("only read");
            assertThatThrownBy(() -> tokens.issue(auditor, "x", List.of("admin"), 5, "x")).hasMessageContaining("unknown scope");
            assertThatThrownBy(() -> tokens.issue(auditor, "x", List.of("read"), 366, "x")).hasMessageContaining("1-365");
            assertThatThrownBy(() -> tokens.issue(auditor, " ", List.of("read"), 5, "x")).hasMessageContaining("token name");
            assertThat(ApiTokenStore.normalizeScopes(List.of("read,write"))).containsExactly("read", "write");
        }
    }
}
