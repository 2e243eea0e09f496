package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import jp.mamori.app.prefecture.Prefecture;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Grants of a municipality to its prefecture's operators: bounded, audited, revocable; no details without one (H2 and PostgreSQL). */
class PrefectureTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void detailsOnlyUnderAGrantInForceAndEveryStepAudited(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind));
             Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(java.nio.file.Files.createTempDirectory("mamori-pref-"), Map.of()))) {
            Actor admin = Actor.cli("admin", "root");
            m.createOrganization().run(admin, "470006", "P県", "prefecture");
            long a = m.createOrganization().run(admin, "472018", "A市", "municipality").id();
            m.createOrganization().run(admin, "472026", "B町", "municipality");
            Prefecture p = m.prefecture();
            long pref = m.inventory().findOrganization("470006").orElseThrow().id();
            p.addMember(admin, "470006", "472018");
            assertThatThrownBy(() -> p.addMember(admin, "470006", "472018")).isInstanceOf(InvalidInputException.class);
            assertThat(p.overview(pref)).extracting(Prefecture.Overview::code).containsExactly("472018");

            Actor operator = Actor.web("op", false, false);
            assertThatThrownBy(() -> p.details(operator, pref, a)).isInstanceOf(Prefecture.NotGrantedException.class);
            // bad grants: named clearly, nothing written
            assertThatThrownBy(() -> p.grant(admin, "472018", "470006", 91, "x")).hasMessageContaining("90");
            assertThatThrownBy(() -> p.grant(admin, "472018", "470006", 7, " ")).hasMessageContaining("reason");
            assertThatThrownBy(() -> p.grant(admin, "472026", "470006", 7, "x")).hasMessageContaining("not served");
            assertThat(p.grants("470006")).isEmpty();

            PrefectureStatus.Grant g = p.grant(admin, "472018", "470006", 7, "インシデント対応支援");
            assertThat(p.overview(pref).get(0).grant()).isNotNull();
            assertThat(p.details(operator, pref, a)).isEmpty();
            p.revoke(admin, g.id(), null);
            assertThatThrownBy(() -> p.revoke(admin, g.id(), null)).hasMessageContaining("already revoked");
            assertThatThrownBy(() -> p.details(operator, pref, a)).isInstanceOf(Prefecture.NotGrantedException.class);
            assertThat(p.overview(pref).get(0).grant()).isNull();

            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT action FROM audit_event WHERE action LIKE 'prefecture.%' ORDER BY id")) {
                StringBuilder actions = new StringBuilder();
                while (rs.next()) actions.append(rs.getString(1)).append(' ');
                assertThat(actions.toString().trim()).isEqualTo("prefecture.member_added prefecture.access_granted prefecture.details_read prefecture.access_revoked");
            }
        }
    }
}
