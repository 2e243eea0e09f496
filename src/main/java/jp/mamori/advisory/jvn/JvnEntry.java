package jp.mamori.advisory.jvn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.Source;

/**
 * One JVN iPedia entry (JVNDB-YYYY-NNNNNN) as read from any MyJVN format, and the one rule that
 * turns it into advisories, so that RSS, VULDEF and OKA JSON agree.
 *
 * <p>Rule: an entry naming exactly one CVE becomes one Advisory keyed by that CVE; an entry naming
 * several CVEs becomes one Advisory per CVE, each carrying the whole entry's Japanese text,
 * CVSS and products (JVN does not split them per CVE in these formats); an entry naming none is
 * keyed by its JVNDB id. The JVNDB id is always the documentId and an alias, so that
 * {@code vuln show JVNDB-...} finds every CVE of the entry.
 *
 * <p>JVN CPEs carry no version (SPEC §6): they become versionless CPE 2.3 names in
 * {@code cpeNames}; product names and JVN's free-text version ranges become ProductStatus rows
 * with the CPE left null, so no matcher mistakes them for version evidence. JVN text cannot
 * reliably tell exploitation, so {@code exploited} stays false.
 */
final class JvnEntry {
    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    static final Pattern JVN_ID = Pattern.compile("JVN(?:VU|TA)?#[0-9A-Z]+");
    static final Pattern CWE = Pattern.compile("CWE-\\d+");

    String jvndbId;
    String title;
    String description;
    String link;
    Instant published;
    Instant modified;
    final Set<String> cves = new LinkedHashSet<>();
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> cwes = new LinkedHashSet<>();
    final List<String> cpes = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final List<CvssScore> cvss = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    final List<Remediation> remediations = new ArrayList<>();
    /** Product statuses a format states directly (OKA product_status), CPE already left out. */
    final List<ProductStatus> extraStatuses = new ArrayList<>();

    /** An affected product as JVN names it; {@code versions} is JVN's Japanese free text. */
    record Product(String cpe, String vendor, String name, String versions) { }

    /** Notes an id found in a reference: CVE ids and JVN advisory ids; returns true when it was one. */
    boolean noteId(String id) {
        if (id == null) return false;
        String s = id.trim();
        if (CVE.matcher(s).matches()) {
            cves.add(s);
            return true;
        }
        if (JVN_ID.matcher(s).matches()) {
            aliases.add(s);
            return true;
        }
        if (CWE.matcher(s).matches()) {
            cwes.add(s);
            return true;
        }
        return false;
    }

    void reference(String url, String tag) {
        if (url == null || url.isBlank()) return;
        String u = url.trim();
        for (Reference r : references) {
            if (r.url().equals(u)) return;
        }
        references.add(new Reference(u, tag == null || tag.isBlank() ? List.of() : List.of(tag.trim())));
    }

    void addCvss(String version, String vector, Double score) {
        if (vector == null && score == null) return;
        CvssScore s = new CvssScore(version, vector, score, "jvn", null);
        if (!cvss.contains(s)) cvss.add(s);
    }

    /** Emits the advisories of this entry; the caller names the place for errors. */
    void emit(FeedSink sink, String name, String location) throws jp.mamori.advisory.FeedFormatException {
        if (jvndbId == null || jvndbId.isBlank()) {
            throw new jp.mamori.advisory.FeedFormatException(name, location, "JVN entry without a JVNDB identifier");
        }
        for (String key : keys()) sink.advisory(withKey(key));
    }

    /** The merge keys this entry yields: its CVEs, or its JVNDB id when it names none. */
    List<String> keys() {
        return cves.isEmpty() ? List.of(jvndbId) : List.copyOf(cves);
    }

    /** A copy with the same entry-level facts, for formats that add per-CVE facts to each. */
    JvnEntry copyFacts() {
        JvnEntry c = new JvnEntry();
        c.jvndbId = jvndbId;
        c.title = title;
        c.description = description;
        c.link = link;
        c.published = published;
        c.modified = modified;
        c.cves.addAll(cves);
        c.aliases.addAll(aliases);
        c.cwes.addAll(cwes);
        c.cpes.addAll(cpes);
        c.products.addAll(products);
        c.cvss.addAll(cvss);
        c.references.addAll(references);
        c.remediations.addAll(remediations);
        c.extraStatuses.addAll(extraStatuses);
        return c;
    }

    Advisory withKey(String vulnId) {
        Advisory.Builder b = Advisory.builder(vulnId, Source.JVN, jvndbId)
                .alias(jvndbId)
                .title(title)
                .published(published)
                .modified(modified != null ? modified : published)
                .description("ja", description);
        aliases.forEach(b::alias);
        cwes.forEach(b::cwe);
        cvss.forEach(b::cvss);
        for (String cpe : cpes) b.cpeName(JvnCpe.versionless(cpe));
        for (Product p : products) {
            b.productStatus(new ProductStatus("known_affected", p.cpe(), displayName(p), null, null));
        }
        extraStatuses.forEach(b::productStatus);
        if (link != null) b.reference(new Reference(link, List.of("JVN iPedia")));
        references.stream().filter(r -> link == null || !r.url().equals(link)).forEach(b::reference);
        remediations.forEach(b::remediation);
        return b.build();
    }

    private static String displayName(Product p) {
        StringBuilder sb = new StringBuilder();
        // "Contiki-NG Contiki-NG" says nothing more than "Contiki-NG".
        if (p.vendor() != null && (p.name() == null || !p.name().startsWith(p.vendor()))) sb.append(p.vendor()).append(' ');
        if (p.name() != null) sb.append(p.name());
        if (p.versions() != null) sb.append(" (").append(p.versions()).append(')');
        String s = sb.toString().trim();
        return s.isEmpty() ? p.cpe() : s;
    }
}
