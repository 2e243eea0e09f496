package jp.mamori.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source's statement about one vulnerability: the unit that is imported, replaced when the
 * same source publishes a newer one, and merged with the other sources' statements on read.
 *
 * @param vulnId       merge key: the CVE id when the statement names one, else its own id (JVNDB, GHSA, ...)
 * @param source       which feed
 * @param documentId   the id of the statement inside its source (NVD: the CVE; JVN: JVNDB id;
 *                     OSV: the OSV id; CSAF: the document tracking id)
 * @param aliases      every other id the statement names for the same vulnerability
 * @param withdrawn    true for NVD "Rejected" / OSV withdrawn records
 * @param descriptions language ("en", "ja") to text
 * @param cpeNames     CPE names given without version semantics (JVN) - low-confidence candidates only
 * @param exploited    the source itself states exploitation in the wild (CSAF threat, JVN, vendor)
 */
public record Advisory(
        String vulnId,
        Source source,
        String documentId,
        Set<String> aliases,
        String title,
        Instant published,
        Instant modified,
        boolean withdrawn,
        Map<String, String> descriptions,
        List<CvssScore> cvss,
        List<String> cwes,
        List<CpeConfiguration> configurations,
        List<String> cpeNames,
        List<AffectedPackage> packages,
        List<ProductStatus> productStatuses,
        List<Remediation> remediations,
        List<Reference> references,
        boolean exploited) {

    public Advisory {
        // Sorted, not Set.copyOf/Map.copyOf: those iterate in an order salted per JVM, so the stored JSON
        // (and its hash) of the same statement differed from run to run (issue 13 defect 3).
        aliases = aliases == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(aliases));
        descriptions = descriptions == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(descriptions));
        cvss = cvss == null ? List.of() : List.copyOf(cvss);
        cwes = cwes == null ? List.of() : List.copyOf(cwes);
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
        cpeNames = cpeNames == null ? List.of() : List.copyOf(cpeNames);
        packages = packages == null ? List.of() : List.copyOf(packages);
        productStatuses = productStatuses == null ? List.of() : List.copyOf(productStatuses);
        remediations = remediations == null ? List.of() : List.copyOf(remediations);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static Builder builder(String vulnId, Source source, String documentId) {
        return new Builder(vulnId, source, documentId);
    }

    /** Mutable builder used by the streaming parsers. */
    public static final class Builder {
        private String vulnId;
        private final Source source;
        private final String documentId;
        private final java.util.LinkedHashSet<String> aliases = new java.util.LinkedHashSet<>();
        private String title;
        private Instant published;
        private Instant modified;
        private boolean withdrawn;
        private final java.util.LinkedHashMap<String, String> descriptions = new java.util.LinkedHashMap<>();
        private final java.util.ArrayList<CvssScore> cvss = new java.util.ArrayList<>();
        private final java.util.ArrayList<String> cwes = new java.util.ArrayList<>();
        private final java.util.ArrayList<CpeConfiguration> configurations = new java.util.ArrayList<>();
        private final java.util.ArrayList<String> cpeNames = new java.util.ArrayList<>();
        private final java.util.ArrayList<AffectedPackage> packages = new java.util.ArrayList<>();
        private final java.util.ArrayList<ProductStatus> productStatuses = new java.util.ArrayList<>();
        private final java.util.ArrayList<Remediation> remediations = new java.util.ArrayList<>();
        private final java.util.ArrayList<Reference> references = new java.util.ArrayList<>();
        private boolean exploited;

        private Builder(String vulnId, Source source, String documentId) {
            this.vulnId = vulnId;
            this.source = source;
            this.documentId = documentId;
        }

        public Builder vulnId(String v) { this.vulnId = v; return this; }
        public Builder alias(String a) { if (a != null && !a.isBlank()) aliases.add(a.trim()); return this; }
        public Builder title(String t) { this.title = t; return this; }
        public Builder published(Instant t) { this.published = t; return this; }
        public Builder modified(Instant t) { this.modified = t; return this; }
        public Builder withdrawn(boolean w) { this.withdrawn = w; return this; }
        public Builder description(String lang, String text) { if (text != null) descriptions.putIfAbsent(lang, text); return this; }
        public Builder cvss(CvssScore s) { cvss.add(s); return this; }
        public Builder cwe(String c) { if (c != null && !cwes.contains(c)) cwes.add(c); return this; }
        public Builder configuration(CpeConfiguration c) { configurations.add(c); return this; }
        public Builder cpeName(String c) { if (c != null && !cpeNames.contains(c)) cpeNames.add(c); return this; }
        public Builder affected(AffectedPackage p) { packages.add(p); return this; }
        public Builder productStatus(ProductStatus p) { productStatuses.add(p); return this; }
        public Builder remediation(Remediation r) { remediations.add(r); return this; }
        public Builder reference(Reference r) { references.add(r); return this; }
        public Builder exploited(boolean e) { this.exploited = this.exploited || e; return this; }
        public String vulnId() { return vulnId; }

        public Advisory build() {
            aliases.remove(vulnId);
            return new Advisory(vulnId, source, documentId, aliases, title, published, modified, withdrawn,
                    descriptions, cvss, cwes, configurations, cpeNames, packages, productStatuses,
                    remediations, references, exploited);
        }
    }
}
