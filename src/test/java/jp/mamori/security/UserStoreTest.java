package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditEvent;
import jp.mamori.persistence.Database;
import jp.mamori.security.UserStore.Outcome;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts: creation rules, one-time passwords, lockout, TOTP, disable, audit entries; H2 and PostgreSQL. */
class UserStoreTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void createsAccountsOfEveryRoleWithAOneTimePassword(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            UserStore.Created admin = users.create(t.user("Root", Role.ADMIN, null, Set.of(), null, false), "cli:ops");
            assertThat(admin.user().username()).isEqualTo("root");
            assertThat(admin.user().mustChangePassword()).isTrue();
            assertThat(admin.oneTimePassword()).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
            assertThat(admin.toString()).doesNotContain(admin.oneTimePassword());
            users.create(t.user("ciso", Role.SECURITY_OFFICER, t.orgA, Set.of(), null, true), "root");
            users.create(t.user("sysadmin", Role.SYSTEM_ADMIN, t.orgA, Set.of(t.sysA1, t.sysA2), null, false), "root");
            users.create(t.user("kou", Role.VENDOR, t.orgA, Set.of(), "甲社", false), "root");
            users.create(t.user("audit", Role.AUDITOR, t.orgB, Set.of(), null, false), "root");

            assertThat(users.list(null)).extracting(UserAccount::username).containsExactly("audit", "ciso", "kou", "root", "sysadmin");
            assertThat(users.list(t.orgA)).extracting(UserAccount::username).containsExactly("ciso", "kou", "sysadmin");
            UserAccount sa = users.require("SysAdmin");
            assertThat(sa.systemIds()).containsExactlyInAnyOrder(t.sysA1, t.sysA2);
            assertThat(users.require("ciso").ciso()).isTrue();
            assertThat(users.require("kou").vendorName()).isEqualTo("甲社");

            // the password is stored as a bcrypt hash, never as given
            assertThat(passwordHashOf(db, "root")).startsWith("$2").doesNotContain(admin.oneTimePassword());
            assertThat(users.checkPassword("root", admin.oneTimePassword()).outcome()).isEqualTo(Outcome.OK);
            assertThat(t.audit().list(null, true, null, 10)).extracting(AuditEvent::action).contains(AuditAction.USER_CREATED);
            assertThat(t.audit().verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesAccountsThatBreakTheTenantRules(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            assertThatThrownBy(() -> users.create(t.user("a1", Role.ADMIN, t.orgA, Set.of(), null, false), "x")).hasMessageContaining("instance-wide");
            assertThatThrownBy(() -> users.create(t.user("a2", Role.AUDITOR, null, Set.of(), null, false), "x")).hasMessageContaining("needs an organisation");
            assertThatThrownBy(() -> users.create(t.user("a3", Role.SYSTEM_ADMIN, t.orgA, Set.of(), null, false), "x")).hasMessageContaining("at least one system");
            assertThatThrownBy(() -> users.create(t.user("a4", Role.SYSTEM_ADMIN, t.orgA, Set.of(t.sysB1), null, false), "x"))
                    .hasMessageContaining("not a system of the account's organisation");
            assertThatThrownBy(() -> users.create(t.user("a5", Role.VENDOR, t.orgA, Set.of(), null, false), "x")).hasMessageContaining("vendor name");
            assertThatThrownBy(() -> users.create(t.user("a6", Role.VENDOR, t.orgA, Set.of(), "丙社", false), "x")).hasMessageContaining("no vendor '丙社'");
            assertThatThrownBy(() -> users.create(t.user("a7", Role.AUDITOR, t.orgA, Set.of(), null, true), "x")).hasMessageContaining("CISO");
            assertThatThrownBy(() -> users.create(t.user("bad name", Role.AUDITOR, t.orgA, Set.of(), null, false), "x")).hasMessageContaining("user name");
            users.create(t.user("dup", Role.AUDITOR, t.orgA, Set.of(), null, false), "x");
            assertThatThrownBy(() -> users.create(t.user("DUP", Role.AUDITOR, t.orgA, Set.of(), null, false), "x")).hasMessageContaining("already exists");
            assertThat(users.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstRunCreatesOneAdministratorOnlyOnAnEmptyDatabase(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            UserStore users = new Tenants(db).users();
            var first = users.createInitialAdminIfNone();
            assertThat(first).isPresent();
            assertThat(first.get().user().role()).isEqualTo(Role.ADMIN);
            assertThat(first.get().user().organizationId()).isNull();
            assertThat(first.get().user().needsTotp()).isTrue();
            assertThat(users.createInitialAdminIfNone()).isEmpty();
            assertThat(users.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fiveFailuresLockTheAccountForFifteenMinutes(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            String pw = users.create(t.user("tanaka", Role.AUDITOR, t.orgA, Set.of(), null, false), "x").oneTimePassword();
            for (int i = 1; i <= 4; i++) assertThat(users.checkPassword("tanaka", "wrong-password-" + i).outcome()).isEqualTo(Outcome.BAD_PASSWORD);
            assertThat(users.checkPassword("tanaka", "wrong-password-5").outcome()).isEqualTo(Outcome.JUST_LOCKED);
            // while locked even the right password fails
            assertThat(users.checkPassword("tanaka", pw).outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(users.require("tanaka").lockedAt(t.clock.instant())).isTrue();
            t.clock.advance(Duration.ofMinutes(14));
            assertThat(users.checkPassword("tanaka", pw).outcome()).isEqualTo(Outcome.LOCKED);
            t.clock.advance(Duration.ofMinutes(2));
            assertThat(users.checkPassword("tanaka", pw).outcome()).isEqualTo(Outcome.OK);
            assertThat(users.require("tanaka").failedAttempts()).isZero();
            assertThat(t.audit().list(t.orgA, false, null, 10)).extracting(AuditEvent::action).contains(AuditAction.ACCOUNT_LOCKED);

            // unknown users and disabled users fail the same way (the caller shows one message)
            assertThat(users.checkPassword("nobody", pw).outcome()).isEqualTo(Outcome.UNKNOWN_USER);
            assertThat(users.checkPassword("NOT A NAME", pw).outcome()).isEqualTo(Outcome.UNKNOWN_USER);
            users.disable("tanaka", "root");
            assertThat(users.checkPassword("tanaka", pw).outcome()).isEqualTo(Outcome.DISABLED);
            assertThat(users.checkPassword("tanaka", "x".repeat(200)).ok()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void passwordChangeFollowsThePolicy(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            UserStore.Created c = users.create(t.user("sato", Role.AUDITOR, t.orgA, Set.of(), null, false), "x");
            long id = c.user().id();
            assertThatThrownBy(() -> users.changePassword(id, c.oneTimePassword(), "short")).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> users.changePassword(id, c.oneTimePassword(), "sato-is-my-name-2026")).hasMessageContaining("user name");
            assertThatThrownBy(() -> users.changePassword(id, c.oneTimePassword(), "あ".repeat(30))).hasMessageContaining("72 bytes");
            assertThatThrownBy(() -> users.changePassword(id, "not-the-current-one", "Correct horse battery staple")).hasMessageContaining("current password");
            users.changePassword(id, c.oneTimePassword(), "Correct horse battery staple");
            assertThat(users.require("sato").mustChangePassword()).isFalse();
            assertThat(users.checkPassword("sato", "Correct horse battery staple").ok()).isTrue();
            assertThat(users.checkPassword("sato", c.oneTimePassword()).ok()).isFalse();

            String again = users.resetPassword("sato", "root");
            assertThat(users.require("sato").mustChangePassword()).isTrue();
            assertThat(users.checkPassword("sato", again).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void totpIsEnrolledEncryptedAndEachCodeWorksOnce(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            long id = users.create(t.user("officer", Role.SECURITY_OFFICER, t.orgA, Set.of(), null, false), "x").user().id();
            String secret = Totp.newSecret();
            assertThatThrownBy(() -> users.enrolTotp(id, secret, "000000")).hasMessageContaining("code");
            users.enrolTotp(id, secret, Totp.code(secret, Totp.step(t.clock.instant())));
            assertThat(users.require("officer").totpEnabled()).isTrue();
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT totp_secret FROM app_user WHERE id = " + id)) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(secret);
            }
            // the code used for enrolment cannot be used again
            assertThat(users.checkTotp(id, Totp.code(secret, Totp.step(t.clock.instant()))).outcome()).isEqualTo(Outcome.BAD_CODE);
            t.clock.advance(Duration.ofSeconds(30));
            String code = Totp.code(secret, Totp.step(t.clock.instant()));
            assertThat(users.checkTotp(id, code).outcome()).isEqualTo(Outcome.OK);
            assertThat(users.checkTotp(id, code).outcome()).isEqualTo(Outcome.BAD_CODE);
            // wrong codes count towards the lockout
            for (int i = 0; i < 3; i++) users.checkTotp(id, "123456");
            assertThat(users.checkTotp(id, "654321").outcome()).isEqualTo(Outcome.JUST_LOCKED);
            t.clock.advance(Duration.ofSeconds(30));
            assertThat(users.checkTotp(id, Totp.code(secret, Totp.step(t.clock.instant()))).outcome()).isEqualTo(Outcome.LOCKED);

            users.resetTotp("officer", "root");
            assertThat(users.require("officer").totpEnabled()).isFalse();
        }
    }

    /**
     * Issue 18.2, the attack: the right password, then four wrong codes, again and again. The
     * password's success must not reset the count of wrong codes: the fifth wrong code locks, and
     * after sixteen the right code no longer signs in.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCorrectPasswordDoesNotResetTheCountOfWrongCodes(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Tenants t = new Tenants(db);
            UserStore users = t.users();
            UserStore.Created c = users.create(t.user("guessed", Role.SECURITY_OFFICER, t.orgA, Set.of(), null, false), "x");
            long id = c.user().id();
            String pw = "Tsukuba-gateway-2026!";
            users.changePassword(id, c.oneTimePassword(), pw);
            String secret = Totp.newSecret();
            users.enrolTotp(id, secret, Totp.code(secret, Totp.step(t.clock.instant())));
            t.clock.advance(Duration.ofSeconds(30));
            String right = Totp.code(secret, Totp.step(t.clock.instant()));
            String wrong = right.equals("000000") ? "111111" : "000000";

            int wrongCodes = 0;
            Outcome last = null;
            for (int round = 0; round < 4 && last != Outcome.JUST_LOCKED; round++) {
                assertThat(users.checkPassword("guessed", pw).outcome()).as("round " + round).isEqualTo(Outcome.OK);
                for (int i = 0; i < 4 && last != Outcome.JUST_LOCKED; i++) {
                    last = users.checkTotp(id, wrong).outcome();
                    wrongCodes++;
                }
            }
            assertThat(last).isEqualTo(Outcome.JUST_LOCKED);
            assertThat(wrongCodes).as("locked at the fifth wrong code, password successes in between").isEqualTo(UserStore.MAX_FAILED_ATTEMPTS);
            assertThat(users.checkPassword("guessed", pw).outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(users.checkTotp(id, right).outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(t.audit().list(t.orgA, false, null, 10)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.ACCOUNT_LOCKED);
                assertThat(e.detail()).contains("last: totp");
            });

            // the lock runs out: both counts start afresh, and the right code then signs in
            t.clock.advance(UserStore.LOCK_DURATION.plusSeconds(30));
            assertThat(users.checkPassword("guessed", pw).outcome()).isEqualTo(Outcome.OK);
            assertThat(users.secondFactorFailures(id)).isZero();
            assertThat(users.checkTotp(id, wrong).outcome()).isEqualTo(Outcome.BAD_CODE);
            assertThat(users.checkPassword("guessed", pw).outcome()).isEqualTo(Outcome.OK);
            assertThat(users.secondFactorFailures(id)).as("a password success leaves the wrong code counted").isEqualTo(1);
            assertThat(users.checkTotp(id, Totp.code(secret, Totp.step(t.clock.instant()))).outcome()).isEqualTo(Outcome.OK);
            assertThat(users.secondFactorFailures(id)).as("a correct code clears it").isZero();
        }
    }

    private static String passwordHashOf(Database db, String username) {
        try (Connection c = db.connection(); var ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
