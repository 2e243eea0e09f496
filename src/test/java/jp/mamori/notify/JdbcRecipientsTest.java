package jp.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who is told: system administrators of their systems only, officers, and the CISO by escalation. */
class JdbcRecipientsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void systemAdministratorsHearOfTheirSystemsAndTheCisoOnlyOfEscalations(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(Instant.parse("2026-12-01T00:00:00Z")))) {
            fx.securitySchema();
            long juki = fx.user("juki-admin", "SYSTEM_ADMIN", "juki@city.example");
            fx.assign(juki, fx.juki.id());
            fx.user("idle-admin", "SYSTEM_ADMIN", null);
            fx.user("auditor", "AUDITOR", "audit@city.example");
            long ciso = fx.user("ciso", "SECURITY_OFFICER", "ciso@city.example");
            fx.makeCiso(ciso);
            fx.user(new jp.mamori.inventory.InventoryRepository(fx.db.dataSource()).createOrganization("000002", "他市", "municipality").id(),
                    "other-officer", "SECURITY_OFFICER", "o@other.example");
            JdbcRecipients r = new JdbcRecipients(fx.db.dataSource());

            assertThat(r.forSystem(fx.org.id(), fx.juki.id())).extracting(Recipient::username).containsExactly("juki-admin", "sec-officer");
            assertThat(r.forSystem(fx.org.id(), fx.telework.id())).extracting(Recipient::username).containsExactly("sec-officer");
            assertThat(r.securityOfficers(fx.org.id())).extracting(Recipient::username).containsExactly("sec-officer");
            assertThat(r.cisos(fx.org.id())).extracting(Recipient::username).containsExactly("ciso");
            assertThat(r.user(fx.org.id(), "other-officer")).as("another tenant's account").isEmpty();
            assertThat(r.user(fx.org.id(), "juki-admin")).get().extracting(Recipient::email).isEqualTo("juki@city.example");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCisoWhoIsTheOnlySecurityOfficerHearsOfEverything(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(Instant.parse("2026-12-01T00:00:00Z")))) {
            fx.securitySchema();
            fx.makeCiso(fx.count("SELECT id FROM app_user WHERE username = 'sec-officer'"));
            JdbcRecipients r = new JdbcRecipients(fx.db.dataSource());
            assertThat(r.securityOfficers(fx.org.id())).extracting(Recipient::username).containsExactly("sec-officer");
            assertThat(r.forSystem(fx.org.id(), fx.telework.id())).extracting(Recipient::username).containsExactly("sec-officer");
        }
    }
}
