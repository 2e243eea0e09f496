package jp.mamori.advisory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedParsers;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bulk writer (COPY on PostgreSQL, multi-row inserts on H2, indexes built after a first import)
 * stores exactly what the row-by-row writes stored, and a document that fails half-way leaves the
 * knowledge base as it was.
 */
class BulkWriteTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00.123456Z"), ZoneOffset.UTC);

    /** Every stored row by natural key (statement ids differ between databases, so keys are joined to their statement). */
    private static final List<String> DUMP = List.of(
            "SELECT vuln_id, source, document_id, modified, withdrawn, content_hash, payload, imported_at FROM advisory_statement "
                    + "ORDER BY vuln_id, source, document_id",
            "SELECT s.vuln_id, s.source, s.document_id, k.cpe_key, k.versionless FROM advisory_cpe_key k "
                    + "JOIN advisory_statement s ON s.id = k.statement_id ORDER BY 1, 2, 3, 4",
            "SELECT s.vuln_id, s.source, s.document_id, k.ecosystem, k.package_name FROM advisory_package_key k "
                    + "JOIN advisory_statement s ON s.id = k.statement_id ORDER BY 1, 2, 3, 4, 5",
            "SELECT id, withdrawn, updated_at FROM vulnerability ORDER BY id",
            "SELECT alias, vuln_id FROM vuln_alias ORDER BY alias, vuln_id",
            "SELECT generation FROM kb_generation");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bulkWritesStoreWhatRowByRowWritesStored(Kind kind) throws Exception {
        try (Database bulk = Database.open(TestDatabases.settings(kind)); Database rows = Database.open(TestDatabases.settings(kind))) {
            for (boolean useBulk : new boolean[] {true, false}) {
                FeedImporter importer = new FeedImporter(useBulk ? bulk : rows, CLOCK, useBulk);
                // 1,200 records: more than one batch of 500, with text that COPY must escape.
                run(importer, Source.NVD, nvd(1200, "2025-01-01T00:00:00.000", "first"), "nvd-1.json");
                run(importer, Source.NVD, Files.readString(Path.of("src/test/resources/feeds/nvd/api-response-3.json")), "nvd-3.json");
                run(importer, Source.OSV, Files.readString(Path.of("src/main/resources/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")), "osv.json");
                run(importer, Source.OSV, Files.readString(Path.of("src/test/resources/feeds/osv/GO-2023-2102.json")), "go.json");
                run(importer, Source.JVN, Files.readString(Path.of("src/main/resources/demo/feeds/jvn/jvnrss-log4shell.xml")), "jvn.xml");
                // Newer versions of half the records (updates: keys deleted and written again), the rest unchanged.
                FeedImporter.DocumentResult second = run(importer, Source.NVD, nvd(600, "2025-06-01T00:00:00.000", "second"), "nvd-2.json");
                assertThat(second.stats().updated).isEqualTo(600);
            }
            List<List<String>> stored = dump(bulk);
            assertThat(stored.get(0)).hasSize(1200 + 3 + 3);
            assertThat(stored.get(1)).isNotEmpty();
            assertThat(stored.get(2)).isNotEmpty();
            assertThat(stored.get(0)).anySatisfy(row -> assertThat(row).contains("tab\\there").contains("back\\\\slash").contains("改行"));
            assertThat(stored).isEqualTo(dump(rows));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDocumentThatFailsHalfWayLeavesTheKnowledgeBaseAsBefore(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            FeedImporter importer = new FeedImporter(db, CLOCK);
            run(importer, Source.NVD, nvd(700, "2025-01-01T00:00:00.000", "first"), "nvd-1.json");
            List<List<String>> before = dump(db);
            // 1,100 newer records (updates and new ones), failing after 1,050: two batches were written by then.
            FeedParser failing = new FailingAfter(FeedParsers.forSource(Source.NVD), 1050);
            assertThatThrownBy(() -> importer.importDocument(failing,
                    new ByteArrayInputStream(nvd(1100, "2025-06-01T00:00:00.000", "second").getBytes(StandardCharsets.UTF_8)), "nvd-2.json", null))
                    .hasMessageContaining("stopped after 1050");
            assertThat(dump(db)).isEqualTo(before);
            // The same document whole afterwards: stored as if the failed attempt had never been.
            FeedImporter.DocumentResult r = run(importer, Source.NVD, nvd(1100, "2025-06-01T00:00:00.000", "second"), "nvd-2.json");
            assertThat(r.stats().updated).isEqualTo(700);
            assertThat(r.stats().inserted).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFirstImportBuildsTheSecondaryIndexesAfterLoadingAndAStoppedOneGetsThemBack(Kind kind, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nvd-1.json"), nvd(800, "2025-01-01T00:00:00.000", "first"));
        Files.writeString(dir.resolve("nvd-2.json"), nvd(300, "2025-06-01T00:00:00.000", "second"));
        try (Database db = Database.open(TestDatabases.settings(kind)); Database rows = Database.open(TestDatabases.settings(kind))) {
            assertThat(DeferredIndexes.present(db)).hasSize(DeferredIndexes.INDEXES.size());
            List<List<String>> seen = new ArrayList<>();
            ImportListener listener = new ImportListener() {
                @Override
                public void documentStarted(String name, String source) {
                    seen.add(DeferredIndexes.present(db));
                }
            };
            FeedFileImporter.Summary s = new FeedFileImporter(db, CLOCK, listener).deferIndexesFrom(0).importPaths(List.of(dir), null, false);
            assertThat(s.failures()).isEmpty();
            assertThat(seen).hasSize(2).allSatisfy(present -> assertThat(present).isEmpty());
            assertThat(DeferredIndexes.present(db)).hasSize(DeferredIndexes.INDEXES.size());
            // Same rows as an import that kept its indexes (and wrote row by row).
            FeedImporter plain = new FeedImporter(rows, CLOCK, false);
            run(plain, Source.NVD, Files.readString(dir.resolve("nvd-1.json")), "nvd-1.json");
            run(plain, Source.NVD, Files.readString(dir.resolve("nvd-2.json")), "nvd-2.json");
            assertThat(dump(db)).isEqualTo(dump(rows));

            // A first import killed while its indexes were dropped: the next import builds them before it writes.
            DeferredIndexes.drop(db);
            seen.clear();
            new FeedFileImporter(db, CLOCK, listener).importPaths(List.of(dir.resolve("nvd-2.json")), null, false);
            assertThat(seen).containsExactly(DeferredIndexes.INDEXES.stream().map(i -> i[0]).toList());
            // Not empty any more: a later import keeps its indexes while it writes.
            seen.clear();
            new FeedFileImporter(db, CLOCK, listener).deferIndexesFrom(0).importPaths(List.of(dir), null, false);
            assertThat(seen).hasSize(2).allSatisfy(present -> assertThat(present).hasSize(DeferredIndexes.INDEXES.size()));
        }
    }

    private static FeedImporter.DocumentResult run(FeedImporter importer, Source source, String text, String name) throws Exception {
        return importer.importDocument(FeedParsers.forSource(source), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, null);
    }

    /** Passes the records on and fails after {@code after} statements, as a crash in the middle of a document would. */
    private record FailingAfter(FeedParser parser, int after) implements FeedParser {
        @Override
        public Source source() {
            return parser.source();
        }

        @Override
        public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
            int[] n = {0};
            parser.parse(in, name, new FeedSink() {
                @Override
                public void advisory(Advisory a) {
                    if (n[0]++ == after) throw new IllegalStateException("stopped after " + after);
                    sink.advisory(a);
                }
            });
        }
    }

    /** An NVD API response of {@code n} records CVE-2025-0..n-1, each with a CPE configuration and text COPY must escape. */
    static String nvd(int n, String modified, String word) {
        StringBuilder sb = new StringBuilder("{\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            String id = "CVE-2025-" + (10000 + i);
            sb.append("{\"cve\":{\"id\":\"").append(id).append("\",\"published\":\"2025-01-01T00:00:00.000\",\"lastModified\":\"")
                    .append(modified).append("\",\"vulnStatus\":\"").append(i % 97 == 5 ? "Rejected" : "Analyzed").append("\",")
                    .append("\"descriptions\":[{\"lang\":\"en\",\"value\":\"").append(word).append(" tab\\there back\\\\slash line\\nbreak ")
                    .append(i).append("\"},{\"lang\":\"ja\",\"value\":\"改行\\r\\nあり ").append(i).append("\"}],")
                    .append("\"metrics\":{\"cvssMetricV31\":[{\"source\":\"nvd@nist.gov\",\"type\":\"Primary\",\"cvssData\":{\"version\":\"3.1\",")
                    .append("\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":9.8}}]},")
                    .append("\"configurations\":[{\"nodes\":[{\"operator\":\"OR\",\"negate\":false,\"cpeMatch\":[")
                    .append("{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:vendor").append(i % 37).append(":product").append(i % 101)
                    .append(":*:*:*:*:*:*:*:*\",\"versionEndExcluding\":\"").append(1 + i % 9).append(".0\"},")
                    .append("{\"vulnerable\":true,\"criteria\":\"cpe:2.3:o:os").append(i % 13).append(":kernel:").append(i % 5)
                    .append(".1:*:*:*:*:*:*:*\"}]}]}],")
                    .append("\"references\":[{\"url\":\"https://example.org/").append(id).append("\",\"tags\":[\"Vendor Advisory\"]}]}}");
        }
        return sb.append("]}").toString();
    }

    private static List<List<String>> dump(Database db) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String sql : DUMP) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            // Timestamps by instant: H2 and PostgreSQL hand back different classes.
                            if (v instanceof java.time.OffsetDateTime o) v = o.toInstant();
                            if (v instanceof java.sql.Timestamp t) v = t.toInstant();
                            row.append(i == 1 ? "" : "|").append(v);
                        }
                        rows.add(row.toString());
                    }
                }
                out.add(rows);
            }
        }
        return out;
    }
}
