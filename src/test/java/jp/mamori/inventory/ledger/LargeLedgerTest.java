package jp.mamori.inventory.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.inventory.ImportLedger;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.9: a large ledger imports set-based — the number of database statements does not grow with its rows
 * (no per-asset lookups or per-asset component queries), counted by H2's own query statistics, not by a clock.
 */
class LargeLedgerTest {

    private static final int ROWS = 20_000;
    private static final int WITH_CPE = 5;

    @TempDir
    Path tmp;

    private Path ledger() throws Exception {
        StringBuilder sb = new StringBuilder("団体コード,団体名,システムコード,システム名,ネットワーク,機密性,完全性,可用性,所管,保守事業者,"
                + "資産コード,資産名,種別,製造元,製品,版,CPE,公開範囲,境界,資産の保守事業者\r\n");
        for (int i = 1; i <= ROWS; i++) {
            String cpe = i <= WITH_CPE ? "cpe:2.3:o:fortinet:fortios:7.0." + i + ":*:*:*:*:*:*:*" : "";
            sb.append("012345,大空町,S").append(i % 10).append(",業務システム").append(i % 10).append(",lgwan,2,2,2,総務課,丙社,")
                    .append(String.format("pc-%05d", i)).append(",端末").append(i).append(",endpoint,,,,").append(cpe)
                    .append(",controlled,,丙社\r\n");
        }
        Path p = tmp.resolve("daicho.csv");
        Files.writeString(p, sb, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void twentyThousandRowsImportWithABoundedNumberOfQueries() throws Exception {
        Path file = ledger();
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC),
                    new MamoriSettings(Files.createDirectories(tmp.resolve("data")), Map.of()));
            Actor actor = Actor.cli("tanaka", "tanaka");
            startCounting(db);

            ImportLedger.Result r = mamori.importLedger().run(actor, file);

            assertThat(r.changes().assetsCreated()).isEqualTo(ROWS);
            assertThat(r.changes().systemsCreated()).isEqualTo(10);
            assertThat(mamori.inventory().listAssets(r.organization().id())).hasSize(ROWS);
            long componentQueries = executions(db, "SELECT%FROM COMPONENT%");
            long selects = executions(db, "SELECT%");
            // only the 5 assets with a CPE of their own are matched (2 component reads each), plus one read for the organisation
            assertThat(componentQueries).as("component queries").isLessThanOrEqualTo(2L * WITH_CPE + 1);
            assertThat(selects).as("all reads, for " + ROWS + " rows").isLessThan(1_000);

            // the same ledger again changes nothing and matches nothing
            startCounting(db);
            ImportLedger.Result again = mamori.importLedger().run(actor, file);
            assertThat(again.changes().assetsCreated()).isZero();
            assertThat(again.changes().assetsUpdated()).isZero();
            assertThat(again.changes().touchedAssets()).isEmpty();
            assertThat(executions(db, "SELECT%FROM COMPONENT%")).isZero();
            assertThat(executions(db, "SELECT%")).isLessThan(100);
        }
    }

    private static void startCounting(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** How often statements matching {@code like} (upper-cased SQL) ran since counting started. */
    private static long executions(Database db, String like) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "WHERE UPPER(SQL_STATEMENT) LIKE '" + like + "' AND UPPER(SQL_STATEMENT) NOT LIKE '%INFORMATION_SCHEMA%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
