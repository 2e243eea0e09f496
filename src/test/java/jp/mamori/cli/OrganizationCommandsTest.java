package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The organisation's list and show commands on the demo's data: the table a person reads and the JSON
 * a script reads hold the same rows; a wrong argument is refused before anything is written, with the
 * message in Japanese first; an unknown {@code --org} is named.
 */
class OrganizationCommandsTest {

    private static InProcessCli cli;
    private static Path data;

    @BeforeAll
    static void demo() throws Exception {
        data = Files.createTempDirectory("mamori-org-commands-");
        cli = new InProcessCli(data);
        assertThat(cli.onData("demo", "--no-serve").rc()).isZero();
    }

    private static InProcessCli.Run run(String... args) {
        return cli.onData(args);
    }

    private static JsonNode json(String... args) throws Exception {
        return cli.json(args);
    }

    private static String table(String... args) {
        return cli.table(args);
    }

    @Test
    void contractsVendorsAndPartnersShowTheSameRowsAsTableAndAsJson() throws Exception {
        JsonNode contracts = json("contract", "list");
        assertThat(contracts).isNotEmpty();
        String contractTable = table("contract", "list");
        assertThat(contractTable).contains(contracts.size() + " 件 / contracts");
        for (JsonNode c : contracts) assertThat(contractTable).contains(c.path("contract").path("code").asText());

        JsonNode vendors = json("vendor", "list");
        String vendorTable = table("vendor", "list");
        assertThat(vendorTable).contains(vendors.size() + " 件 / vendors");
        for (JsonNode v : vendors) assertThat(vendorTable).contains(v.path("name").asText());

        JsonNode partners = json("partner", "list");
        assertThat(partners).as("the demo's IR partners").isNotEmpty();
        String partnerTable = table("partner", "list");
        for (JsonNode p : partners) assertThat(partnerTable).contains(p.path("name").asText());

        JsonNode shown = json("contract", "show", "GW-MAINT-2026");
        assertThat(shown.path("contract").path("code").asText()).isEqualTo("GW-MAINT-2026");
        assertThat(table("contract", "show", "GW-MAINT-2026")).contains("GW-MAINT-2026", "指摘 / flags:");
        JsonNode flags = json("contract", "flags");
        assertThat(flags).isNotEmpty();
        assertThat(table("contract", "flags")).contains(flags.get(0).path("contractCode").asText(""));
    }

    @Test
    void systemsAndAssetsShowTheSameRowsAsTableAndAsJson() throws Exception {
        JsonNode systems = json("system", "list");
        String systemTable = table("system", "list");
        for (JsonNode sys : systems) assertThat(systemTable).contains(sys.path("code").asText());
        String code = systems.get(0).path("code").asText();
        JsonNode shown = json("system", "show", code);
        assertThat(table("system", "show", code)).contains("(" + code + ")");
        for (JsonNode a : shown.path("assets")) assertThat(table("system", "show", code)).contains(a.path("code").asText());

        JsonNode assets = json("asset", "list");
        String assetTable = table("asset", "list");
        for (JsonNode a : assets) assertThat(assetTable).contains(a.path("code").asText());
        assertThat(json("asset", "list", "--system", code)).hasSize(shown.path("assets").size());
        String asset = assets.get(0).path("code").asText();
        assertThat(json("asset", "show", asset).path("code").asText()).isEqualTo(asset);
        assertThat(table("asset", "show", asset)).contains("(" + asset + ")");
    }

    @Test
    void incidentsAndDetectionsShowTheSameRowsAsTableAndAsJson() throws Exception {
        JsonNode incidents = json("incidents", "list");
        assertThat(incidents).as("the demo's hijacked sessions").isNotEmpty();
        assertThat(table("incidents", "list")).contains(incidents.size() + " 件 / incidents");
        long first = incidents.get(0).path("id").asLong();
        JsonNode incident = json("incidents", "show", String.valueOf(first));
        assertThat(incident.path("timeline")).isNotEmpty();
        assertThat(incident.path("checklist")).isNotEmpty();
        assertThat(table("incidents", "show", String.valueOf(first))).contains("インシデント #" + first, "■ 時系列 / timeline", "根拠 / evidence");

        JsonNode detections = json("detections", "list");
        assertThat(table("detections", "list")).contains(detections.size() + " 件 / detections");
        assertThat(json("detections", "list", "--limit", "1")).hasSize(1);
        long one = detections.get(0).path("id").asLong();
        assertThat(json("detections", "show", String.valueOf(one)).path("id").asLong()).isEqualTo(one);
    }

    @Test
    void theRoleMatrixAndTheReadinessReportAgreeBetweenTableAndJson() throws Exception {
        JsonNode roles = json("roles", "show");
        String rolesTable = table("roles", "show");
        assertThat(rolesTable).contains("局面");
        assertThat(rolesTable.lines().filter(l -> l.startsWith("空白 / gap:")).count()).isEqualTo(roles.path("gaps").size());

        JsonNode readiness = json("readiness", "show");
        assertThat(table("readiness", "show")).contains("【準備状況レポート / readiness report】").contains(readiness.path("organizationName").asText());
    }

    @Test
    void theReadinessReportIsAlsoWrittenAsAWorkbookWhenAsked() throws Exception {
        Path xlsx = data.resolve("readiness-today.xlsx");
        assertThat(table("readiness", "show", "--xlsx", xlsx.toString())).contains("【準備状況レポート / readiness report】", "written: " + xlsx);
        String org = json("readiness", "show").path("organizationName").asText();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            StringBuilder cells = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('\n')));
            assertThat(cells).contains(org);
        }
        Path fromJson = data.resolve("readiness-json.xlsx");
        json("readiness", "show", "--xlsx", fromJson.toString());
        assertThat(fromJson).exists().isNotEmptyFile();
    }

    @Test
    void aWrongArgumentIsRefusedInJapaneseFirstAndNothingIsWritten() throws Exception {
        int before = auditCount();
        InProcessCli.Run phase = run("roles", "set", "no-such-phase", "csirt", "R");
        assertThat(phase.rc()).isEqualTo(ExitCode.BAD_INPUT);
        InProcessCli.Run date = run("vendor", "save", "新しい事業者", "--valid-until", "2026-13-45");
        assertThat(date.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(date.err()).contains("--valid-until");
        InProcessCli.Run since = run("detections", "list", "--since", "yesterday");
        assertThat(since.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(since.err()).contains("--since は YYYY-MM-DD で指定してください");
        InProcessCli.Run org = run("contract", "list", "--org", "nowhere");
        assertThat(org.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(org.err()).contains("団体が見つかりません", "nowhere");
        InProcessCli.Run kind = run("asset", "create", "--system", "juki", "--code", "new-01", "--name", "新しい資産", "--kind", "toaster", "--exposure", "open");
        assertThat(kind.rc()).isEqualTo(ExitCode.BAD_INPUT);
        InProcessCli.Run segment = run("system", "create", "--code", "new-sys", "--name", "新しいシステム", "--segment", "moon", "--confidentiality", "2");
        assertThat(segment.rc()).isEqualTo(ExitCode.BAD_INPUT);
        InProcessCli.Run asset = run("asset", "show", "no-such-asset");
        assertThat(asset.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(asset.err()).contains("資産が見つかりません");
        InProcessCli.Run incident = run("incidents", "show", "999999");
        assertThat(incident.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(incident.err()).contains("インシデントが見つかりません");
        assertThat(auditCount()).as("nothing was written").isEqualTo(before);
        assertThat(json("vendor", "list").findValuesAsText("name")).doesNotContain("新しい事業者");
        assertThat(json("asset", "list").findValuesAsText("code")).doesNotContain("new-01");
        assertThat(json("system", "list").findValuesAsText("code")).doesNotContain("new-sys");
    }

    private static int auditCount() {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            List<?> all = new AuditLog(db.dataSource()).list(null, true, null, 100_000);
            return all.size();
        }
    }
}
