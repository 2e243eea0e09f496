package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mamori sbom add / check / confirm-id / decisions} as a person reads them (issue 13), on the demo's data in this JVM:
 * what a vendor table's suggested identifiers are and how to confirm them; a schema problem is a warning with
 * its pointer (refused with --strict); a confirmation names the row, the identifiers and the assets matched
 * again, and the next table of the same vendor arrives confirmed; a bad confirmation is refused with the
 * reason, Japanese first, exit 2. {@code mamori scan} reads like {@code sbom add}: warnings, not a refusal.
 */
class SbomCliTest {

    private static Path data;

    private static InProcessCli cli;

    @BeforeAll
    static void demo() throws Exception {
        data = Files.createTempDirectory("mamori-sbom-cli-");
        cli = new InProcessCli(data);
        assertThat(db("demo", "--no-serve").rc()).isZero();
    }

    static InProcessCli.Run run(String... args) {
        return InProcessCli.run(args);
    }

    static InProcessCli.Run db(String... args) {
        return cli.onData(args);
    }

    @Test
    void confirmIdNamesWhatItDidAndTheNextTableOfTheVendorArrivesConfirmed() throws Exception {
        InProcessCli.Run unknown = db("sbom", "confirm-id", "--asset", "fw-01", "--component", "row-99");
        assertThat(unknown.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).startsWith("エラー / error: 資産の現在のSBOMにコンポーネント「row-99」はありません / the asset's current SBOM has no component 'row-99'");
        InProcessCli.Run both = db("sbom", "confirm-id", "--asset", "fw-01", "--component", "row-3", "--reject", "--purl", "pkg:maven/a/b@1");
        assertThat(both.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("却下では purl・CPE を指定できません").contains("a rejection takes no purl or CPE");
        InProcessCli.Run declared = db("sbom", "confirm-id", "--asset", "vpn-gw-01", "--component", "row-1");
        assertThat(declared.rc()).isEqualTo(ExitCode.BAD_INPUT);

        InProcessCli.Run ok = db("sbom", "confirm-id", "--asset", "fw-01", "--component", "row-3", "--by", "suzuki");
        assertThat(ok.rc()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("識別子を確認しました / identifier confirmed: row-3 Apache Tomcat（Apache Software Foundation）"
                + "  purl pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.80")
                .contains("資産 1 件を再照合しました / applied to the rows of the same supplier and name; 1 asset(s) matched again")
                .contains("検出 / findings: 新規 ");
        InProcessCli.Run decisions = db("sbom", "decisions");
        assertThat(decisions.rc()).as(decisions.err()).isZero();
        assertThat(decisions.out()).contains("判断").contains("確認").contains("apache software foundation").contains("apache tomcat")
                .contains("pkg:maven/org.apache.tomcat.embed/tomcat-embed-core").contains("suzuki");
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(db("sbom", "decisions", "--format", "json").out());
        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.path("confirmed").asBoolean()).isTrue();
            assertThat(d.path("nameKey").asText()).isEqualTo("apache tomcat");
            assertThat(d.path("decidedBy").asText()).isEqualTo("suzuki");
        });
        InProcessCli.Run audit = db("audit", "list");
        assertThat(audit.rc()).isZero();
        assertThat(audit.out()).contains("SBOMの識別子を確認").contains("suzuki");

        // the same vendor's next table: Tomcat arrives confirmed (with the row's version), lodash is still a suggestion
        Path table = Files.writeString(data.resolve("next.csv"), """
                サプライヤ名,コンポーネント名,バージョン,製品URL
                Apache Software Foundation,Apache Tomcat,9.0.85,https://tomcat.apache.org/
                OpenJS Foundation,lodash,4.17.20,https://www.npmjs.com/package/lodash
                """);
        InProcessCli.Run added = db("sbom", "add", "--asset", "bunsho-ap-01", table.toString());
        assertThat(added.rc()).as(added.err()).isZero();
        assertThat(added.out()).contains("SBOMを登録しました / SBOM added: #").contains("VendorTable")
                .contains("推定した識別子 1 件（確認するまで検出は候補です） / 1 suggested identifier(s): their matches are candidates until confirmed")
                .contains("  推定 / suggested: row-3 lodash 4.17.20 → pkg:npm/lodash@4.17.20  （mamori sbom confirm-id --asset bunsho-ap-01 --component row-3）")
                .doesNotContain("row-2 Apache Tomcat");
        assertThat(db("findings", "list", "--candidates", "--asset", "bunsho-ap-01").out()).as("lodash 4.17.20 rests on the suggestion")
                .contains("[推定]").contains("CVE-2021-23337");
    }

    @Test
    void checkPrintsEachSchemaProblemWithItsPointerAndStrictRefuses() throws Exception {
        Path sbom = Files.writeString(data.resolve("osv-style.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"component": {"type": "", "name": "scanned"}},
                 "components": [{"type": "library", "bom-ref": "a", "name": "lodash", "version": "4.17.20", "purl": "pkg:npm/lodash@4.17.20"}]}
                """);
        InProcessCli.Run check = run("sbom", "check", sbom.toString());
        assertThat(check.rc()).as(check.err()).isZero();
        assertThat(check.out()).contains("osv-style.cdx.json: CycloneDX 1.6、コンポーネント 1 件")
                .contains("注意 1 件付きで受け付けました / accepted with 1 warning")
                .contains("注意 / warning: /metadata/component/type: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema")
                .contains("必要な範囲 / required: STANDARD");
        InProcessCli.Run strict = run("sbom", "check", "--strict", sbom.toString());
        assertThat(strict.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(strict.err()).contains("(/metadata/component/type)").contains("not valid against the CycloneDX 1.6 schema");

        // mamori scan reads the same way (ADR 0018): the warning on stderr, the findings on stdout, --strict refuses
        InProcessCli.Run scan = db("scan", sbom.toString(), "--format", "json", "--max-age-days", "0");
        assertThat(scan.rc()).as(scan.err()).isZero();
        assertThat(scan.err()).contains("注意 1 件付きで読みました / read with 1 warning")
                .contains("注意 / warning: /metadata/component/type: CycloneDX 1.6 スキーマに適合しません");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(scan.out()).path("findings").toString())
                .as("stdout is the JSON document alone, with the lodash finding").contains("CVE-2021-23337");
        InProcessCli.Run scanStrict = db("scan", "--strict", sbom.toString(), "--max-age-days", "0");
        assertThat(scanStrict.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(scanStrict.err()).contains("(/metadata/component/type)").contains("not valid against the CycloneDX 1.6 schema");
        assertThat(scanStrict.out()).isEmpty();
    }
}
