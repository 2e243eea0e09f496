package jp.mamori.remediation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.triage.policy.TriagePolicy;

/** Feeds, SBOMs and assessment as the product runs them, for tests that need real matching. */
public final class Pipeline {

    private final RemediationFixture fx;
    private final Path dir;

    public Pipeline(RemediationFixture fx) {
        this.fx = fx;
        try {
            this.dir = Files.createTempDirectory("mamori-pipeline-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void feed(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            var s = new FeedFileImporter(fx.db, fx.clock, null).importPaths(List.of(file), null, false);
            if (s.failed()) throw new AssertionError("feed did not import: " + s.failures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void log4shellAdvisory() {
        try {
            feed("GHSA-jfh8-c2jp-5v3q.json", new String(Pipeline.class.getResourceAsStream("/feeds/osv/GHSA-jfh8-c2jp-5v3q.json").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CISA adds Log4Shell to KEV. */
    public void kevLog4Shell(String dateAdded, String dueDate) {
        feed("kev.json", """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.02", "count": 1,
                 "vulnerabilities": [{"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
                   "vulnerabilityName": "Apache Log4j2 Remote Code Execution Vulnerability", "dateAdded": "%s",
                   "shortDescription": "JNDI features do not protect against attacker-controlled LDAP endpoints.",
                   "requiredAction": "Apply updates per vendor instructions.", "dueDate": "%s",
                   "knownRansomwareCampaignUse": "Known", "notes": ""}]}
                """.formatted(dateAdded, dueDate));
    }

    /** A new SBOM of the asset listing log4j-core in the given version, then matching as `sbom add` runs it. */
    public FindingRecorder.Result sbom(Asset asset, String log4jVersion) {
        try {
            Path file = dir.resolve(asset.code() + "-" + log4jVersion + ".cdx.json");
            Files.writeString(file, """
                    {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                     "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "juki", "version": "4.2.0"}},
                     "components": [{"type": "library", "bom-ref": "core", "group": "org.apache.logging.log4j", "name": "log4j-core",
                       "version": "%1$s", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@%1$s"}]}
                    """.formatted(log4jVersion));
            new SbomStore(fx.db).add(fx.org.id(), asset, new SbomReader().read(file), file.getFileName().toString(),
                    "sha-" + log4jVersion, asset.version(), "test", fx.clock.instant());
            return assessment().assessAsset(fx.org.id(), asset.id(), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jp.mamori.inventory.sbom.SbomFormatException e) {
            throw new AssertionError(e);
        }
    }

    public FindingRecorder.Result reassess(String vulnId) {
        return assessment().reassess(Set.of(vulnId), "feeds");
    }

    private InventoryAssessment assessment() {
        return new InventoryAssessment(fx.db, fx.clock, TriagePolicy.defaults());
    }

    public long findingId(Asset asset, String vulnId) {
        String id = fx.queryString("SELECT id FROM finding WHERE asset_id = " + asset.id() + " AND vuln_id = '" + vulnId + "'");
        if (id == null) {
            throw new AssertionError("no finding of " + vulnId + " on " + asset.code() + "; findings: "
                    + fx.queryString("SELECT COUNT(*) FROM finding") + ", statements: " + fx.queryString("SELECT COUNT(*) FROM advisory_statement")
                    + ", components: " + fx.queryString("SELECT COUNT(*) FROM component"));
        }
        return Long.parseLong(id);
    }
}
