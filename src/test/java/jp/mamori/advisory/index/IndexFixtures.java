package jp.mamori.advisory.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.KnowledgeBaseWriter;
import jp.mamori.matching.MatchTarget;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.SqlDialect;

/** Knowledge bases and component lists for the index tests, written in the real formats. */
final class IndexFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private IndexFixtures() { }

    static FeedFileImporter.Summary importFiles(Database db, List<Path> paths) throws Exception {
        return new FeedFileImporter(db, CLOCK, null).importPaths(paths, null, false);
    }

    /** Stores statements as one document (the way a parser would hand them over). */
    static void store(Database db, List<Advisory> advisories) {
        db.inTransaction(c -> {
            try (KnowledgeBaseWriter w = new KnowledgeBaseWriter(c, SqlDialect.of(db.settings()), CLOCK.instant(), null)) {
                advisories.forEach(w::advisory);
                w.flush();
            }
            return null;
        });
    }

    /** The scenarios of MatchEngineTest, stored for real: purl range, CPE with JVN evidence, FIPS criterion, withdrawn. */
    static List<Advisory> matchEngineScenarios() {
        CpeMatch gateway = new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "13.1", null, null, "13.1-49.15");
        CpeMatch fips = new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:fips:*:*:*", "13.1", null, null, "13.1-37.164");
        return List.of(
                Advisory.builder("CVE-2021-44228", Source.OSV, "GHSA-jfh8-c2jp-5v3q").alias("GHSA-jfh8-c2jp-5v3q")
                        .affected(new AffectedPackage("Maven", "org.apache.logging.log4j:log4j-core", null, List.of(
                                new PackageRange("ECOSYSTEM", List.of(new RangeEvent("introduced", "2.0-beta9"), new RangeEvent("fixed", "2.15.0")))), List.of()))
                        .build(),
                Advisory.builder("CVE-2023-4966", Source.NVD, "CVE-2023-4966")
                        .configuration(new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(gateway, fips))))).build(),
                Advisory.builder("CVE-2023-4966", Source.JVN, "JVNDB-2023-000000").cpeName("cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*").build(),
                Advisory.builder("CVE-2099-0001", Source.NVD, "CVE-2099-0001").withdrawn(true)
                        .configuration(new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(
                                new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", null, null, null, null)))))).build());
    }

    /**
     * Components that probe every stored statement: each CPE criterion and each affected package at
     * every version the statement names, plus one below and one above all of them.
     */
    static List<MatchTarget> probes(Database db) throws Exception {
        Set<MatchTarget> out = new LinkedHashSet<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT payload FROM advisory_statement ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                Advisory a = KnowledgeBase.parse(rs.getString(1));
                n++;
                for (CpeConfiguration cfg : a.configurations()) {
                    for (CpeNode node : cfg.nodes()) {
                        for (CpeMatch m : node.cpeMatch()) {
                            List<String> versions = new ArrayList<>(List.of("0", "999"));
                            for (String v : new String[] {m.versionStartIncluding(), m.versionStartExcluding(), m.versionEndIncluding(), m.versionEndExcluding()}) {
                                if (v != null) versions.add(v);
                            }
                            String[] f = m.criteria().split(":");
                            if (f.length < 13) continue;
                            if (!f[5].equals("*") && !f[5].equals("-")) versions.add(f[5]);
                            for (String v : versions) {
                                f[5] = v;
                                out.add(new MatchTarget("cpe" + out.size(), f[4], v, null, String.join(":", f)));
                            }
                        }
                    }
                }
                for (String name : a.cpeNames()) {
                    String[] f = name.split(":");
                    if (f.length < 13) continue;
                    f[5] = "1.0";
                    out.add(new MatchTarget("jvn" + out.size(), f[4], "1.0", null, String.join(":", f)));
                }
                for (AffectedPackage p : a.packages()) {
                    if (p.purl() == null && p.ecosystem() == null) continue;
                    List<String> versions = new ArrayList<>(List.of("0.0.1", "999.0"));
                    for (PackageRange r : p.ranges()) for (RangeEvent e : r.events()) if (e.version() != null) versions.add(e.version());
                    versions.addAll(p.versions());
                    String base = purlBase(p);
                    if (base == null) continue;
                    for (String v : versions) out.add(new MatchTarget("pkg" + out.size(), p.name(), v, base + "@" + v, null));
                }
                if (n > 4000) break;
            }
        }
        return new ArrayList<>(out);
    }

    private static String purlBase(AffectedPackage p) {
        if (p.purl() != null && p.purl().startsWith("pkg:")) {
            int at = p.purl().indexOf('@');
            return at < 0 ? p.purl() : p.purl().substring(0, at);
        }
        String type = switch (p.ecosystem() == null ? "" : p.ecosystem().toLowerCase(java.util.Locale.ROOT)) {
            case "maven" -> "maven";
            case "npm" -> "npm";
            case "pypi" -> "pypi";
            case "go" -> "golang";
            default -> null;
        };
        if (type == null || p.name() == null) return null;
        String name = type.equals("maven") ? p.name().replace(':', '/') : p.name();
        return "pkg:" + type + "/" + name;
    }

    static Path feedsDir(Path work, int cves, int packages) throws Exception {
        Path feeds = work.resolve("feeds");
        jp.mamori.bench.SyntheticFeeds.writeNvd(feeds.resolve("nvd"), cves, 500, 42);
        jp.mamori.bench.SyntheticFeeds.writeOsv(feeds.resolve("osv"), packages, 500, 43);
        return feeds;
    }

    static Path tempDir(String prefix) throws Exception {
        Path d = Files.createTempDirectory(prefix);
        d.toFile().deleteOnExit();
        return d;
    }
}
