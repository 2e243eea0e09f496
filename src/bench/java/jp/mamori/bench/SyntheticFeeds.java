package jp.mamori.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic NVD-scale data in the real formats: NVD API 2.0 responses (configurations with
 * ranges, several CVSS sources, references with tags) and OSV records. Same seed, same bytes.
 * Product popularity is skewed (a few products have thousands of CVEs), as in the real feed.
 */
public final class SyntheticFeeds {

    public static final int PRODUCTS = 40_000;
    public static final int PACKAGES = 60_000;
    private static final String[] ECOSYSTEMS = {"Maven", "npm", "PyPI"};
    private static final String[] CWES = {"CWE-79", "CWE-89", "CWE-787", "CWE-20", "CWE-125", "CWE-22", "CWE-352", "CWE-416", "CWE-502"};
    private static final String[] TAGS = {"Vendor Advisory", "Patch", "Third Party Advisory", "Exploit", "Mailing List"};
    private static final String[] VECTORS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"};
    private static final double[] SCORES = {9.8, 6.1, 6.5, 7.8, 8.1, 7.5};

    private SyntheticFeeds() { }

    /** Product i → "vendor_v:product_p", with the part letter. */
    public static String vendor(int product) {
        return "vendor" + (product % 9_000);
    }

    public static String product(int product) {
        return "product" + product;
    }

    public static String part(int product) {
        return product % 10 == 0 ? "o" : "a";
    }

    /** Skewed choice: low indexes are far more popular. */
    static int skewed(Random r, int n) {
        double u = r.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(u, 3)));
    }

    public static String packageName(String ecosystem, int i) {
        return switch (ecosystem) {
            case "Maven" -> "org.example" + (i % 2000) + ":lib" + i;
            case "npm" -> "pkg-" + i;
            default -> "py-lib-" + i;
        };
    }

    public static String purl(String ecosystem, int i, String version) {
        return switch (ecosystem) {
            case "Maven" -> "pkg:maven/org.example" + (i % 2000) + "/lib" + i + "@" + version;
            case "npm" -> "pkg:npm/pkg-" + i + "@" + version;
            default -> "pkg:pypi/py-lib-" + i + "@" + version;
        };
    }

    /** Writes {@code count} CVE records as NVD API 2.0 responses of {@code perFile} records; returns the files. */
    public static List<Path> writeNvd(Path dir, int count, int perFile, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        JsonFactory f = new JsonFactory();
        List<Path> files = new ArrayList<>();
        for (int start = 0; start < count; start += perFile) {
            Path file = dir.resolve(String.format(Locale.ROOT, "nvd-%06d.json", start));
            int n = Math.min(perFile, count - start);
            try (JsonGenerator g = f.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("resultsPerPage", n);
                g.writeNumberField("startIndex", start);
                g.writeNumberField("totalResults", count);
                g.writeStringField("format", "NVD_CVE");
                g.writeStringField("version", "2.0");
                g.writeStringField("timestamp", "2026-11-01T00:00:00.000");
                g.writeArrayFieldStart("vulnerabilities");
                for (int i = start; i < start + n; i++) writeCve(g, r, i, "2026-0" + (1 + i % 9) + "-01T08:00:00.000");
                g.writeEndArray();
                g.writeEndObject();
            }
            files.add(file);
        }
        return files;
    }

    /**
     * One NVD API 2.0 response of the records {@code which} as a later version of them would be (another
     * random draw of their ranges and scores, dated {@code lastModified}): an update feed. Indexes
     * at or beyond the data set's count are new records.
     */
    public static Path writeNvdUpdate(Path dir, int[] which, long seed, String lastModified) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        Path file = dir.resolve("nvd-update.json");
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("resultsPerPage", which.length);
            g.writeNumberField("startIndex", 0);
            g.writeNumberField("totalResults", which.length);
            g.writeStringField("format", "NVD_CVE");
            g.writeStringField("version", "2.0");
            g.writeStringField("timestamp", lastModified);
            g.writeArrayFieldStart("vulnerabilities");
            for (int i : which) writeCve(g, r, i, lastModified);
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    private static void writeCve(JsonGenerator g, Random r, int i, String lastModified) throws IOException {
        int year = 2000 + (i % 26);
        String id = String.format(Locale.ROOT, "CVE-%d-%07d", year, i);
        g.writeStartObject();
        g.writeObjectFieldStart("cve");
        g.writeStringField("id", id);
        g.writeStringField("sourceIdentifier", "cna" + (i % 300) + "@example.org");
        g.writeStringField("published", year + "-03-14T10:15:00.000");
        g.writeStringField("lastModified", lastModified);
        g.writeStringField("vulnStatus", i % 200 == 0 ? "Rejected" : "Analyzed");
        g.writeArrayFieldStart("descriptions");
        g.writeStartObject();
        g.writeStringField("lang", "en");
        g.writeStringField("value", "A synthetic vulnerability number " + i + " in a generated product lets a remote attacker "
                + "cause an effect through crafted input to a component that fails to validate it properly.");
        g.writeEndObject();
        g.writeEndArray();
        int v = r.nextInt(VECTORS.length);
        g.writeObjectFieldStart("metrics");
        g.writeArrayFieldStart("cvssMetricV31");
        metric(g, "nvd@nist.gov", "Primary", v);
        if (r.nextBoolean()) metric(g, "cna" + (i % 300) + "@example.org", "Secondary", r.nextInt(VECTORS.length));
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("weaknesses");
        g.writeStartObject();
        g.writeStringField("source", "nvd@nist.gov");
        g.writeStringField("type", "Primary");
        g.writeArrayFieldStart("description");
        g.writeStartObject();
        g.writeStringField("lang", "en");
        g.writeStringField("value", CWES[r.nextInt(CWES.length)]);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("configurations");
        int products = 1 + r.nextInt(2);
        for (int p = 0; p < products; p++) {
            int prod = skewed(r, PRODUCTS);
            boolean runningOn = prod % 10 == 0 && r.nextInt(4) == 0;
            g.writeStartObject();
            if (runningOn) g.writeStringField("operator", "AND");
            g.writeArrayFieldStart("nodes");
            g.writeStartObject();
            g.writeStringField("operator", "OR");
            g.writeBooleanField("negate", false);
            g.writeArrayFieldStart("cpeMatch");
            int ranges = 2 + r.nextInt(5);
            for (int k = 0; k < ranges; k++) {
                int major = 1 + k;
                g.writeStartObject();
                g.writeBooleanField("vulnerable", true);
                g.writeStringField("criteria", "cpe:2.3:" + part(prod) + ":" + vendor(prod) + ":" + product(prod) + ":*:*:*:*:*:*:*:*");
                g.writeStringField("versionStartIncluding", major + ".0");
                g.writeStringField("versionEndExcluding", major + "." + (1 + r.nextInt(9)) + "." + r.nextInt(20));
                g.writeStringField("matchCriteriaId", java.util.UUID.nameUUIDFromBytes((id + k + p).getBytes()).toString().toUpperCase(Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            if (runningOn) {
                g.writeStartObject();
                g.writeStringField("operator", "OR");
                g.writeBooleanField("negate", false);
                g.writeArrayFieldStart("cpeMatch");
                g.writeStartObject();
                g.writeBooleanField("vulnerable", false);
                g.writeStringField("criteria", "cpe:2.3:h:" + vendor(prod) + ":appliance" + (prod % 50) + ":-:*:*:*:*:*:*:*");
                g.writeStringField("matchCriteriaId", java.util.UUID.nameUUIDFromBytes((id + "hw").getBytes()).toString().toUpperCase(Locale.ROOT));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("references");
        int refs = 2 + r.nextInt(4);
        for (int k = 0; k < refs; k++) {
            g.writeStartObject();
            g.writeStringField("url", "https://advisories.example.org/" + id + "/" + k);
            g.writeStringField("source", "nvd@nist.gov");
            g.writeArrayFieldStart("tags");
            g.writeString(TAGS[r.nextInt(TAGS.length)]);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void metric(JsonGenerator g, String source, String type, int v) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", source);
        g.writeStringField("type", type);
        g.writeObjectFieldStart("cvssData");
        g.writeStringField("version", "3.1");
        g.writeStringField("vectorString", VECTORS[v]);
        g.writeNumberField("baseScore", SCORES[v]);
        g.writeStringField("baseSeverity", SCORES[v] >= 9 ? "CRITICAL" : SCORES[v] >= 7 ? "HIGH" : "MEDIUM");
        g.writeEndObject();
        g.writeNumberField("exploitabilityScore", 3.9);
        g.writeNumberField("impactScore", 5.9);
        g.writeEndObject();
    }

    /** Writes {@code count} OSV records as JSON arrays of {@code perFile}. */
    public static List<Path> writeOsv(Path dir, int count, int perFile, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        JsonFactory f = new JsonFactory();
        List<Path> files = new ArrayList<>();
        for (int start = 0; start < count; start += perFile) {
            Path file = dir.resolve(String.format(Locale.ROOT, "osv-%06d.json", start));
            int n = Math.min(perFile, count - start);
            try (JsonGenerator g = f.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (int i = start; i < start + n; i++) {
                    String eco = ECOSYSTEMS[i % ECOSYSTEMS.length];
                    writeOsvRecord(g, "GHSA-bench-" + i, eco, skewed(r, PACKAGES), 1 + r.nextInt(4), r.nextInt(10), r.nextInt(3) == 0 ? "CVE-2030-" + (1_000_000 + i) : null);
                }
                g.writeEndArray();
            }
            files.add(file);
        }
        return files;
    }

    /** One OSV record: affected versions [major.0.0, major.minor.0). */
    public static void writeOsvRecord(JsonGenerator g, String id, String eco, int pkg, int major, int minor, String cve) throws IOException {
        writeOsvRecord(g, id, eco, pkg, major, minor, cve, "2026-10-01T00:00:00Z");
    }

    /**
     * OSV records {@code which} as a later version of them would be (another draw of their affected
     * range, dated {@code modified}), as one JSON array; indexes at or beyond the data set's count are new.
     */
    public static Path writeOsvUpdate(Path dir, int[] which, long seed, String modified) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        Path file = dir.resolve("osv-update.json");
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (int i : which) {
                writeOsvRecord(g, "GHSA-bench-" + i, ECOSYSTEMS[i % ECOSYSTEMS.length], skewed(r, PACKAGES), 1 + r.nextInt(4), r.nextInt(10),
                        r.nextInt(3) == 0 ? "CVE-2030-" + (1_000_000 + i) : null, modified);
            }
            g.writeEndArray();
        }
        return file;
    }

    private static void writeOsvRecord(JsonGenerator g, String id, String eco, int pkg, int major, int minor, String cve, String modified)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("schema_version", "1.6.0");
        g.writeStringField("id", id);
        g.writeStringField("modified", modified);
        g.writeStringField("published", "2026-09-01T00:00:00Z");
        if (cve != null) {
            g.writeArrayFieldStart("aliases");
            g.writeString(cve);
            g.writeEndArray();
        }
        g.writeStringField("summary", "Synthetic advisory " + id);
        g.writeArrayFieldStart("affected");
        g.writeStartObject();
        g.writeObjectFieldStart("package");
        g.writeStringField("ecosystem", eco);
        g.writeStringField("name", packageName(eco, pkg));
        g.writeEndObject();
        g.writeArrayFieldStart("ranges");
        g.writeStartObject();
        g.writeStringField("type", "ECOSYSTEM");
        g.writeArrayFieldStart("events");
        g.writeStartObject();
        g.writeStringField("introduced", major + ".0.0");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("fixed", major + "." + (minor + 1) + ".0");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
