package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jp.mamori.app.feeds.ImportFeeds;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 defect 3, SPEC §8: re-importing the same directory changes nothing. Our own directory of
 * 400 related OSV records (a PYSEC and a GHSA record per CVE, each naming the other and the CVE, as the
 * PyPI advisory database does) is imported by one JVM and again by another: the order in which a JVM
 * iterates an immutable set is salted per process, which is how the same statement used to hash
 * differently. The second import must report 0 updated, touch no vulnerability, re-match nothing and
 * notify nobody: each run sends its notifications to a real SMTP server in the test (GreenMail on
 * 127.0.0.1), to which a KEV entry for a matched CVE does deliver mail.
 */
class ReimportIdempotencyTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String OFFICER = "officer@c-mura.example";

    static final int CVES = 200;

    static void writeRecords(Path dir) throws Exception {
        for (int n = 0; n < CVES; n++) {
            String cve = "CVE-2026-" + (10000 + n);
            String pysec = "PYSEC-2026-" + n;
            String ghsa = "GHSA-mmri-%04d-xxxx".formatted(n);
            String pkg = "mamori-demo-pkg-" + (n % 20);
            for (String[] rec : List.of(new String[] {pysec, ghsa}, new String[] {ghsa, pysec})) {
                Files.writeString(dir.resolve(rec[0] + ".json"), """
                        {"schema_version": "1.6.0", "id": "%1$s", "modified": "2026-10-0%5$dT00:00:00Z", "published": "2026-09-01T00:00:00Z",
                         "aliases": ["%2$s", "%3$s", "BIT-%4$s-%6$d"],
                         "summary": "Test record %1$s about %4$s",
                         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                         "affected": [{"package": {"ecosystem": "PyPI", "name": "%4$s"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.%6$d.0"}]}]}],
                         "references": [{"type": "ADVISORY", "url": "https://example.invalid/%1$s"},
                                        {"type": "WEB", "url": "https://example.invalid/%2$s"}]}
                        """.formatted(rec[0], cve, rec[1], pkg, 1 + n % 9, n), StandardCharsets.UTF_8);
            }
        }
    }

    /** One CLI-like run in its own JVM: import the directory, print the counts. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("MAMORI_SMTP_")) env.put(k, v);
        });
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            Mamori mamori = Mamori.open(db, clock, new MamoriSettings(data, env));
            if (args.length > 2) {
                InventoryRepository inv = mamori.inventory();
                long org = inv.createOrganization("012050", "C村", "municipality").id();
                long sys = inv.createSystem(org, "s", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
                long asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                        Exposure.CONTROLLED, false, null)).id();
                Path sbom = Files.writeString(data.resolve("app.cdx.json"), """
                        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
                          {"type": "library", "bom-ref": "p", "name": "mamori-demo-pkg-3", "version": "1.0.0", "purl": "pkg:pypi/mamori-demo-pkg-3@1.0.0"}]}
                        """);
                mamori.addSbom().run(Actor.system("test"), org, asset, new AddSbom.Input(sbom, "app.cdx.json", null, false));
                try (var c = db.connection(); var ps = c.prepareStatement("INSERT INTO app_user (username, display_name, password_hash, "
                        + "role, organization_id, email) VALUES ('sec-officer', '情報セキュリティ担当', 'x', 'SECURITY_OFFICER', ?, ?)")) {
                    ps.setLong(1, org);
                    ps.setString(2, OFFICER);
                    ps.executeUpdate();
                }
            }
            ImportFeeds.Result r = mamori.importFeeds().run(Actor.system("test"), List.of(Path.of(args[1])), null, null);
            System.out.println("RESULT inserted=" + r.summary().stats().inserted + " updated=" + r.summary().stats().updated
                    + " unchanged=" + r.summary().stats().unchanged + " touched=" + r.summary().touchedVulnerabilities().size()
                    + " detected=" + r.findings().detected() + " findingsUpdated=" + r.findings().updated()
                    + " failed=" + r.summary().failed() + " sent=" + r.notifications().messages() + " queued=" + queued(db));
        }
    }

    /** Every notification ever queued in this data directory (sent or not). */
    private static long queued(Database db) throws Exception {
        try (var c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM notification_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String run(Path data, Path feeds, boolean withInventory) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReimportIdempotencyTest.class.getName(), data.toString(), feeds.toString()));
        if (withInventory) cmd.add("inventory");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("run.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MAMORI_"));
        pb.environment().putAll(Map.of("MAMORI_SMTP_HOST", "127.0.0.1", "MAMORI_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()),
                "MAMORI_SMTP_FROM", "mamori@c-mura.example"));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(data.resolve("run.log"));
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void aSecondImportOfTheSameDirectoryInAnotherProcessChangesNothing() throws Exception {
        Path feeds = Files.createTempDirectory("mamori-reimport-feeds-");
        writeRecords(feeds);
        Path data = Files.createTempDirectory("mamori-reimport-data-");
        String first = run(data, feeds, true);
        assertThat(first).contains("inserted=" + 2 * CVES, "updated=0", "touched=" + CVES, "failed=false");
        assertThat(first).as("mamori-demo-pkg-3 1.0.0 is below the fixes of 10 CVEs").contains("detected=10");
        int mailsAfterFirst = SMTP.getReceivedMessages().length;
        String queuedAfterFirst = first.replaceAll(".* queued=(\\d+).*", "$1");
        for (int i = 0; i < 2; i++) {
            String again = run(data, feeds, false);
            assertThat(again).contains("inserted=0 updated=0 unchanged=" + 2 * CVES + " touched=0 detected=0 findingsUpdated=0 failed=false");
            assertThat(again).as("SPEC §8: no notification from a re-import").contains("sent=0 queued=" + queuedAfterFirst);
            assertThat(SMTP.getReceivedMessages()).as("no e-mail from a re-import").hasSize(mailsAfterFirst);
        }

        // The same runs do notify by e-mail when the data really changes: CVE-2026-10003 (a finding of pkg-3) enters KEV.
        Path kev = Files.createTempDirectory("mamori-reimport-kev-");
        Files.writeString(kev.resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.25", "count": 1,
                 "vulnerabilities": [{"cveID": "CVE-2026-10003", "vendorProject": "Mamori", "product": "mamori-demo-pkg-3",
                   "vulnerabilityName": "Test entry", "dateAdded": "2026-11-25", "shortDescription": "Test entry.",
                   "requiredAction": "Apply updates.", "dueDate": "2026-12-16", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
                """);
        String changed = run(data, kev, false);
        assertThat(changed).contains("findingsUpdated=1").doesNotContain("sent=0");
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSizeGreaterThan(mailsAfterFirst);
        MimeMessage last = mails[mails.length - 1];
        assertThat(last.getAllRecipients()[0].toString()).isEqualTo(OFFICER);
        assertThat((String) last.getContent()).contains("CVE-2026-10003").contains("対応度が上がりました");
    }

    /** Rows stored before the canonical order (aliases in another order, another hash) are compared as statements. */
    @Test
    void aStatementStoredInAnEarlierOrderCountsAsUnchangedAndIsStoredCanonically() throws Exception {
        Path feeds = Files.createTempDirectory("mamori-reimport-legacy-");
        writeRecords(feeds);
        Path one = feeds.resolve("PYSEC-2026-7.json");
        Path data = Files.createTempDirectory("mamori-reimport-legacy-data-");
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(one), null, null).summary().stats().inserted).isEqualTo(1);
            String canonical;
            try (var c = db.connection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT payload FROM advisory_statement WHERE document_id = 'PYSEC-2026-7'")) {
                rs.next();
                canonical = rs.getString(1);
            }
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(canonical);
            var reversed = tree.arrayNode();
            for (int k = tree.get("aliases").size() - 1; k >= 0; k--) reversed.add(tree.get("aliases").get(k));
            tree.set("aliases", reversed);
            String legacy = tree.toString();
            assertThat(legacy).as("the stored aliases are sorted").isNotEqualTo(canonical);
            try (var c = db.connection(); var ps = c.prepareStatement(
                    "UPDATE advisory_statement SET payload = ?, content_hash = 'legacy' WHERE document_id = 'PYSEC-2026-7'")) {
                ps.setString(1, legacy);
                ps.executeUpdate();
            }
            ImportFeeds.Result again = mamori.importFeeds().run(Actor.system("test"), List.of(one), null, null);
            assertThat(again.summary().stats().updated).isZero();
            assertThat(again.summary().stats().unchanged).isEqualTo(1);
            assertThat(again.summary().touchedVulnerabilities()).isEmpty();
            try (var c = db.connection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT payload, content_hash FROM advisory_statement WHERE document_id = 'PYSEC-2026-7'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(canonical);
                assertThat(rs.getString(2)).isNotEqualTo("legacy");
            }
        }
    }

    /** The real OSV records of ../shared/fixtures/osv (skipped visibly without them), imported by two processes. */
    @Test
    void aSecondImportOfTheRealOsvRecordsChangesNothing() throws Exception {
        Path osv = jp.mamori.testsupport.SharedFixtures.require("osv");
        Path data = Files.createTempDirectory("mamori-reimport-fixtures-");
        assertThat(run(data, osv, false)).contains("updated=0").doesNotContain("inserted=0 ");
        assertThat(run(data, osv, false)).contains("inserted=0 updated=0").contains("touched=0");
    }
}
