package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.mamori.cli.MamoriMain;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

/** Issue 18.10, the smaller holes: each attack and the refusal. */
class HardeningTest {

    @Test
    void commonAndBreachedPasswordsAreRefused() {
        for (String weak : List.of("password1234", "Password123!", "mamori123456", "P@ssw0rd2026!", "qwertyuiop12", "1qaz2wsx3edc",
                "Welcome12345", "tokyo2026!!!", "admin_password", "123456789012", "iloveyou2026", "Sakura-1234567")) {
            assertThat(PasswordPolicy.problem("someone", weak)).as(weak).contains("common or breached");
        }
        for (String fine : List.of("Correct horse battery staple", "Tsukuba-gateway-2026!", "Matrix-Test-Password-2026!", "kX7m-9fQp-Rt2w-Hb4n",
                "情報政策課の窓口は3階です")) {
            assertThat(PasswordPolicy.problem("someone", fine)).as(fine).isNull();
        }
        assertThat(PasswordPolicy.problem("someone", PasswordPolicy.oneTimePassword())).isNull();
    }

    @Test
    void organisationCodesWithLineBreaksAreRefused() {
        try (Database db = Database.open(TestDatabases.h2())) {
            InventoryRepository inv = new InventoryRepository(db.dataSource());
            assertThatThrownBy(() -> inv.createOrganization("012090\r\nX-Injected: 1", "I町", "municipality"))
                    .hasMessageContaining("制御文字");
            assertThatThrownBy(() -> inv.createOrganization("012091", "J町\nfake line", "municipality")).hasMessageContaining("control characters");
            assertThat(inv.findOrganization("012090\r\nX-Injected: 1")).isEmpty();
            assertThat(inv.findOrganization("012091")).isEmpty();
        }
    }

    @Test
    void assetCreateHelpExitsZero() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MamoriMain.run("asset", "create", "--help");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(code).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("--system", "--exposure");
    }
}
