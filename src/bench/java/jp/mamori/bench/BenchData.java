package jp.mamori.bench;

import java.sql.PreparedStatement;
import java.util.Random;
import jp.mamori.persistence.Database;

/** Generated rows for the benchmarks that need many findings (P4, P6). */
public final class BenchData {
    private BenchData() { }

    /** Findings of one organisation written straight into the table (states, outcomes and due dates spread at random, seeded). */
    public static void insertFindings(Database db, long orgId, long systemId, long[] assets, int n, int seed) {
        Random r = new Random(seed);
        String[] outcomes = {"act", "attend", "track-star", "track"};
        String[] states = {"new", "new", "triaged", "patch_scheduled", "fixed", "risk_accepted"};
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (organization_id, system_id, asset_id, component_identity, "
                    + "component_name, component_version, vuln_id, confidence, candidate, match_by, match_source, criterion, evidence, state, "
                    + "outcome, priority, due_date, severity, cvss_score, exploitation, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, '1.0', ?, "
                    + "'high', FALSE, 'purl', 'osv', '>=1.0 <1.2', '{}', ?, ?, ?, ?, 'high', 7.5, 'none', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < n; i++) {
                    int a = r.nextInt(assets.length);
                    int o = r.nextInt(4);
                    ps.setLong(1, orgId);
                    ps.setLong(2, systemId);
                    ps.setLong(3, assets[a]);
                    ps.setString(4, "purl:npm|pkg-" + i);
                    ps.setString(5, "pkg-" + i);
                    ps.setString(6, "CVE-2030-" + (100000 + r.nextInt(800000)));
                    ps.setString(7, states[r.nextInt(states.length)]);
                    ps.setString(8, outcomes[o]);
                    ps.setInt(9, (4 - o) * 10 + (a == 0 ? 5 : 0));
                    ps.setDate(10, java.sql.Date.valueOf(java.time.LocalDate.of(2026, 1, 1).plusDays(r.nextInt(400))));
                    ps.addBatch();
                    if (i % 5000 == 4999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

}
