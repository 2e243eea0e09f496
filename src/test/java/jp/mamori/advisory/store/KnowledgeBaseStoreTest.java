package jp.mamori.advisory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedParsers;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The knowledge base keeps one statement per source, merges on read, and never half-imports. */
class KnowledgeBaseStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path NVD = Path.of("src/test/resources/feeds/nvd/api-response-3.json");

    private static DocumentImport importer(Database db) {
        return new DocumentImport(new FeedImporter(db, CLOCK));
    }

    record DocumentImport(FeedImporter importer) {
        FeedImporter.DocumentResult run(Source source, String text, String name) throws IOException, FeedFormatException {
            FeedParser parser = FeedParsers.forSource(source);
            return importer.importDocument(parser, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, null);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reimportingTheSameDocumentChangesNothing(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            String nvd = Files.readString(NVD);
            FeedImporter.DocumentResult first = importer(db).run(Source.NVD, nvd, "nvd.json");
            assertThat(first.stats().inserted).isEqualTo(3);
            long rows = count(db, "advisory_statement");
            long keys = count(db, "advisory_cpe_key");
            FeedImporter.DocumentResult again = importer(db).run(Source.NVD, nvd, "nvd.json");
            assertThat(again.stats().inserted).isZero();
            assertThat(again.stats().updated).isZero();
            assertThat(again.stats().unchanged).isEqualTo(3);
            assertThat(count(db, "advisory_statement")).isEqualTo(rows);
            assertThat(count(db, "advisory_cpe_key")).isEqualTo(keys);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewerStatementReplacesTheOlderOneOfTheSameSourceOnly(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            String nvd = Files.readString(NVD);
            importer(db).run(Source.NVD, nvd, "nvd.json");
            importer(db).run(Source.KEV, Files.readString(Path.of("src/main/resources/demo/feeds/kev-demo.json")), "kev.json");
            String newer = nvd.replace("2025-10-24T13:42:55.550", "2026-01-05T10:00:00.000")
                    .replace("NetScaler ADC and NetScaler Gateway set up", "UPDATED TEXT: NetScaler ADC and NetScaler Gateway set up");
            FeedImporter.DocumentResult r = importer(db).run(Source.NVD, newer, "nvd-newer.json");
            assertThat(r.stats().updated).isEqualTo(1);
            KnowledgeBase kb = new KnowledgeBase(db.dataSource());
            var rec = kb.find("CVE-2023-4966").orElseThrow();
            assertThat(rec.descriptions().get("en")).startsWith("UPDATED TEXT");
            assertThat(rec.kev()).as("KEV facts of another source stay").isNotNull();
            assertThat(rec.kev().dateAdded()).isEqualTo(LocalDate.of(2023, 10, 18));

            String older = nvd.replace("2025-10-24T13:42:55.550", "2024-01-01T00:00:00.000")
                    .replace("NetScaler ADC and NetScaler Gateway set up", "OLD TEXT");
            FeedImporter.DocumentResult o = importer(db).run(Source.NVD, older, "nvd-older.json");
            assertThat(o.stats().olderIgnored).isEqualTo(1);
            assertThat(kb.find("CVE-2023-4966").orElseThrow().descriptions().get("en")).startsWith("UPDATED TEXT");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theMergedRecordKeepsEveryScoreWithItsSource(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            importer(db).run(Source.NVD, Files.readString(NVD), "nvd.json");
            importer(db).run(Source.EPSS, Files.readString(Path.of("src/main/resources/demo/feeds/epss-demo.csv")), "epss.csv");
            var rec = new KnowledgeBase(db.dataSource()).find("CVE-2023-4966").orElseThrow();
            assertThat(rec.cvss()).anySatisfy(s -> {
                assertThat(s.source()).isEqualTo("nvd");
                assertThat(s.type()).isEqualTo("Primary");
                assertThat(s.baseScore()).isEqualTo(7.5);
            });
            assertThat(rec.cvss()).anySatisfy(s -> {
                assertThat(s.source()).contains("citrix");
                assertThat(s.baseScore()).isEqualTo(9.4);
            });
            assertThat(rec.affected().cpe()).isNotEmpty();
            assertThat(rec.affected().cpe().get(0).configuration().nodes().get(0).cpeMatch())
                    .anySatisfy(m -> {
                        assertThat(m.versionStartIncluding()).isEqualTo("13.1");
                        assertThat(m.versionEndExcluding()).isEqualTo("13.1-49.15");
                    });
            assertThat(rec.epss().score()).isEqualTo(0.96486);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rejectedRecordsAreWithdrawnNotLive(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            importer(db).run(Source.NVD, Files.readString(NVD), "nvd.json");
            var rec = new KnowledgeBase(db.dataSource()).find("CVE-2022-44577").orElseThrow();
            assertThat(rec.withdrawn()).isTrue();
            assertThat(rec.cvss()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDashboardsLastFeedUpdateIsTheNewestImportOfAnySource(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            assertThat(FeedStatus.lastUpdate(db.dataSource())).isNull();
            importer(db).run(Source.NVD, Files.readString(NVD), "nvd.json");
            importer(db).run(Source.KEV, Files.readString(Path.of("src/main/resources/demo/feeds/kev-demo.json")), "kev.json");
            Instant newest = FeedStatus.read(db.dataSource()).stream().map(FeedStatus.Row::lastUpdate)
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
            assertThat(FeedStatus.lastUpdate(db.dataSource())).isEqualTo(newest);
            assertThat(FeedStatus.read(db.dataSource()).stream().filter(r -> r.lastUpdate() != null).map(FeedStatus.Row::source))
                    .containsExactlyInAnyOrder("nvd", "kev");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMalformedDocumentStoresNothingAndItsErrorIsRecorded(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            String truncated = Files.readString(Path.of("src/test/resources/feeds/nvd/api-response-truncated.json"));
            assertThatThrownBy(() -> importer(db).run(Source.NVD, truncated, "truncated.json"))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessageContaining("truncated.json");
            assertThat(count(db, "advisory_statement")).isZero();
            assertThat(count(db, "vulnerability")).isZero();
            assertThat(FeedStatus.read(db.dataSource())).anySatisfy(r -> {
                assertThat(r.source()).isEqualTo("nvd");
                assertThat(r.lastError()).contains("truncated.json");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAliasFindsTheRecord(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            importer(db).run(Source.OSV, Files.readString(Path.of("src/main/resources/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")), "osv.json");
            importer(db).run(Source.JVN, Files.readString(Path.of("src/main/resources/demo/feeds/jvn/jvnrss-log4shell.xml")), "jvn.xml");
            KnowledgeBase kb = new KnowledgeBase(db.dataSource());
            assertThat(kb.resolve("GHSA-jfh8-c2jp-5v3q")).contains("CVE-2021-44228");
            assertThat(kb.resolve("JVNDB-2021-005429")).contains("CVE-2021-44228");
            var rec = kb.find("jvndb-2021-005429").orElseThrow();
            assertThat(rec.aliases()).contains("GHSA-jfh8-c2jp-5v3q", "JVNDB-2021-005429");
            assertThat(rec.descriptions()).containsKeys("en", "ja");
            assertThat(rec.affected().cpeNames()).extracting(VulnerabilityRecord.SourcedCpeName::source).containsOnly("jvn");
        }
    }

    /**
     * The facts of many vulnerabilities at once (a scan's read) are those of reading each alone:
     * aliases, withdrawal, KEV, EPSS and VEX, for known, withdrawn and unknown ids alike.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void readingManyRecordsAtOnceGivesWhatReadingEachGives(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            importer(db).run(Source.NVD, Files.readString(Path.of("src/main/resources/demo/feeds/nvd-boundary-devices.json")), "nvd.json");
            importer(db).run(Source.NVD, Files.readString(NVD), "nvd-3.json");
            for (String osv : new String[] {"GHSA-35jh-r3h4-6jhm", "GHSA-36p3-wjmg-h94x", "GHSA-jfh8-c2jp-5v3q"}) {
                importer(db).run(Source.OSV, Files.readString(Path.of("src/main/resources/demo/feeds/osv/" + osv + ".json")), osv + ".json");
            }
            importer(db).run(Source.JVN, Files.readString(Path.of("src/main/resources/demo/feeds/jvn/jvnrss-log4shell.xml")), "jvn.xml");
            importer(db).run(Source.KEV, Files.readString(Path.of("src/main/resources/demo/feeds/kev-demo.json")), "kev.json");
            importer(db).run(Source.EPSS, Files.readString(Path.of("src/main/resources/demo/feeds/epss-demo.csv")), "epss.csv");
            importer(db).run(Source.OPENVEX, Files.readString(Path.of("src/test/resources/feeds/vex/openvex-v020.json")), "openvex.json");
            importer(db).run(Source.CSAF, Files.readString(Path.of("src/test/resources/feeds/csaf/netscaler-vex.json")), "csaf.json");

            java.util.List<String> ids = new java.util.ArrayList<>();
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM vulnerability UNION SELECT cve_id FROM epss_score UNION SELECT vuln_id FROM vex_statement")) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            assertThat(ids).hasSizeGreaterThan(5);
            ids.add("CVE-1999-0000000");  // unknown
            ids.add(ids.get(0));          // asked twice
            KnowledgeBase kb = new KnowledgeBase(db.dataSource());
            var many = kb.findAll(ids, null);
            int withFacts = 0;
            for (String id : ids) {
                assertThat(many.get(id)).as(id).isEqualTo(kb.find(id).orElse(null));
                if (many.get(id) != null && (many.get(id).kev() != null || many.get(id).epss() != null || !many.get(id).vex().isEmpty())) withFacts++;
            }
            assertThat(withFacts).as("records with KEV, EPSS or VEX among them").isPositive();
            assertThat(many).doesNotContainKey("CVE-1999-0000000");

            // More ids than one query takes (a large scan): the known ones behind 10,000 unknown ones are still found.
            java.util.List<String> large = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) large.add("CVE-1998-" + (1_000_000 + i));
            large.addAll(ids);
            assertThat(kb.findAll(large, null)).isEqualTo(many);
        }
    }

    private static long count(Database db, String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
