package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's account and token commands in this JVM: an account is created with its one-time
 * password shown once, listed in the table and the JSON alike, its token issued, listed and revoked,
 * the account disabled — each change in the audit trail as {@code cli:<os user>}; a wrong organisation
 * or role is refused (exit 2, Japanese first) and no account is written.
 */
class UserCommandsTest {

    private static InProcessCli cli;

    @BeforeAll
    static void organisation() throws Exception {
        cli = new InProcessCli(Files.createTempDirectory("mamori-user-commands-"));
        assertThat(cli.table("org", "create", "--code", "011002", "--name", "試験市")).contains("011002");
    }

    private static JsonNode account(String username) throws Exception {
        for (JsonNode u : cli.json("user", "list")) if (u.path("username").asText().equals(username)) return u;
        return null;
    }

    private static List<String> auditActions() throws Exception {
        List<String> actions = new ArrayList<>();
        for (JsonNode e : cli.json("audit", "list")) actions.add(e.path("action").asText());
        return actions;
    }

    @Test
    void anAccountIsCreatedListedGivenATokenRevokedAndDisabledWithEachChangeAudited() throws Exception {
        String created = cli.table("user", "create", "--username", "Officer", "--role", "SECURITY_OFFICER", "--org", "011002", "--ciso");
        assertThat(created).contains("created user officer (SECURITY_OFFICER)", "one-time password: ", "TOTP");

        JsonNode officer = account("officer");
        assertThat(officer).isNotNull();
        assertThat(officer.path("organization").asText()).isEqualTo("011002");
        assertThat(officer.path("role").asText()).isEqualTo("SECURITY_OFFICER");
        assertThat(officer.path("enabled").asBoolean()).isTrue();
        assertThat(officer.path("mustChangePassword").asBoolean()).isTrue();
        assertThat(officer.path("ciso").asBoolean()).isTrue();
        assertThat(cli.table("user", "list", "--org", "011002")).contains("officer", "SECURITY_OFFICER", "011002", "初回 first sign-in", "CISO");

        String issued = cli.table("user", "token", "create", "officer", "--name", "nightly-scan", "--scope", "read");
        assertThat(issued).contains("issued token", "nightly-scan").containsPattern("(?m)^mmr_\\S+$");
        Matcher id = Pattern.compile("issued token (\\d+)").matcher(issued);
        assertThat(id.find()).isTrue();
        assertThat(cli.table("user", "token", "list", "officer")).contains("nightly-scan", "officer", "active");

        assertThat(cli.table("user", "token", "revoke", id.group(1))).contains("revoked token " + id.group(1));
        assertThat(cli.table("user", "token", "revoke", id.group(1))).contains("was already revoked");
        assertThat(cli.table("user", "token", "list", "officer")).contains("revoked");

        assertThat(cli.table("user", "disable", "officer")).contains("disabled officer");
        assertThat(account("officer").path("enabled").asBoolean()).isFalse();
        assertThat(cli.table("user", "unlock", "officer")).contains("unlocked officer");

        assertThat(auditActions()).contains("user.created", "token.created", "token.revoked", "user.disabled", "user.unlocked");
        assertThat(cli.json("audit", "list").get(0).path("actor").asText()).startsWith("cli:");
    }

    @Test
    void aWrongOrganisationRoleOrUserIsRefusedAndNoAccountIsWritten() throws Exception {
        InProcessCli.Run noOrg = cli.onData("user", "create", "--username", "ghost", "--role", "AUDITOR", "--org", "999999");
        assertThat(noOrg.rc()).isEqualTo(2);
        assertThat(noOrg.err()).contains("団体が見つかりません / no organisation with code '999999'");

        InProcessCli.Run badRole = cli.onData("user", "create", "--username", "ghost", "--role", "EMPEROR", "--org", "011002");
        assertThat(badRole.rc()).isEqualTo(2);
        assertThat(account("ghost")).isNull();

        InProcessCli.Run noUser = cli.onData("user", "disable", "nobody");
        assertThat(noUser.rc()).isEqualTo(2);
        InProcessCli.Run noToken = cli.onData("user", "token", "revoke", "424242");
        assertThat(noToken.rc()).isEqualTo(2);
        assertThat(noToken.err()).contains("トークンが見つかりません / no token 424242");

        InProcessCli.Run listNoOrg = cli.onData("user", "list", "--org", "999999");
        assertThat(listNoOrg.rc()).isEqualTo(2);
        assertThat(listNoOrg.err()).contains("団体が見つかりません");
    }

    @Test
    void organisationsAreListedShownAndTheirSettingsChangedWithWrongValuesRefused() throws Exception {
        JsonNode orgs = cli.json("org", "list");
        assertThat(orgs.findValuesAsText("code")).contains("011002");
        assertThat(cli.table("org", "list")).contains("011002", "試験市");
        assertThat(cli.json("org", "show", "011002").path("organization").path("name").asText()).isEqualTo("試験市");
        assertThat(cli.table("org", "show", "011002")).contains("団体: 試験市 (011002", "情報システム: 0");

        InProcessCli.Run taken = cli.onData("org", "create", "--code", "011002", "--name", "二つ目");
        assertThat(taken.rc()).isEqualTo(2);
        assertThat(taken.err()).contains("already exists");

        InProcessCli.Run wrong = cli.onData("org", "settings", "--org", "011002", "--sbom-strict", "maybe");
        assertThat(wrong.rc()).isEqualTo(2);
        assertThat(wrong.err()).contains("--sbom-strict は on か off です");
        assertThat(cli.table("org", "settings", "--org", "011002")).contains("[--sbom-strict off]");
        assertThat(cli.table("org", "settings", "--org", "011002", "--sbom-strict", "on")).contains("[--sbom-strict on]");
        assertThat(auditActions()).contains("organization.settings_changed");
        assertThat(cli.table("org", "settings", "--org", "011002", "--sbom-strict", "off")).contains("[--sbom-strict off]");
    }

    @Test
    void aValueRefusedByTheCommandsCheckNeverOpensADatabase() throws Exception {
        java.nio.file.Path fresh = Files.createTempDirectory("mamori-no-db-").resolve("data");
        String[][] refused = {
                {"logs", "import", "--source", "no-such-format", "access.log"},
                {"findings", "list", "--limit", "0"},
                {"user", "create", "--username", "x", "--role", "EMPEROR"},
                {"org", "settings", "--sbom-strict", "maybe"},
                {"sbom", "add", "--asset", "a", "no-such-file.json"}};
        for (String[] args : refused) {
            String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data", fresh.toString()))
                    .toArray(String[]::new);
            InProcessCli.Run r = InProcessCli.run(withData);
            assertThat(r.rc()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(fresh).as("no database for " + String.join(" ", args)).doesNotExist();
        }
    }
}
