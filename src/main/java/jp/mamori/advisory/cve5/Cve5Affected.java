package jp.mamori.advisory.cve5;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.intake.JsonFields;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * One CVE 5 {@code affected} entry. With {@code cpes} it becomes a {@link CpeConfiguration} (one
 * OR node; each affected interval of each CPE is one cpeMatch), because CPE matching is what
 * finds network devices. Without CPEs it stays an {@link AffectedPackage} in the pseudo-ecosystem
 * {@code cve5:<vendor>} named by the product (or {@code packageName}), with the ranges of
 * {@link Cve5Versions}. Entries with neither a usable name nor an affected version ("n/a"
 * placeholders that some CNAs write) say nothing and are skipped.
 */
final class Cve5Affected {
    private Cve5Affected() { }

    static void map(JsonNode affected, Advisory.Builder b) {
        Cve5Versions versions = Cve5Versions.of(affected);
        if (versions.isEmpty()) return;
        List<String> cpes = new ArrayList<>();
        for (JsonNode c : JsonFields.array(affected, "cpes")) {
            String cpe = cpe23(c.asText(null));
            if (cpe != null) cpes.add(cpe);
        }
        if (!cpes.isEmpty()) {
            b.configuration(configuration(cpes, versions));
            return;
        }
        String vendor = named(JsonFields.text(affected, "vendor"));
        String product = named(JsonFields.text(affected, "product"));
        String packageName = named(JsonFields.text(affected, "packageName"));
        String name = product != null ? product : packageName;
        if (name == null) return;
        String scope = vendor != null ? vendor : named(JsonFields.text(affected, "collectionURL"));
        b.affected(new AffectedPackage("cve5:" + (scope == null ? "n/a" : scope), name, null,
                versions.ranges, versions.exact));
    }

    private static CpeConfiguration configuration(List<String> cpes, Cve5Versions versions) {
        List<CpeMatch> matches = new ArrayList<>();
        for (String cpe : cpes) {
            for (String v : versions.exact) matches.add(new CpeMatch(true, cpe, v, null, v, null));
            for (PackageRange r : versions.ranges) matches.addAll(intervals(cpe, r.events()));
        }
        return new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, matches)));
    }

    /** introduced/fixed/last_affected events as NVD-style [start, end) or [start, end] intervals. */
    private static List<CpeMatch> intervals(String cpe, List<RangeEvent> events) {
        List<CpeMatch> out = new ArrayList<>();
        String start = null;
        boolean open = false;
        for (RangeEvent e : events) {
            switch (e.kind()) {
                case "introduced" -> {
                    start = "0".equals(e.version()) ? null : e.version();
                    open = true;
                }
                case "fixed" -> {
                    if (open) out.add(new CpeMatch(true, cpe, start, null, null, e.version()));
                    open = false;
                }
                case "last_affected" -> {
                    if (open) out.add(new CpeMatch(true, cpe, start, null, e.version(), null));
                    open = false;
                }
                default -> { }
            }
        }
        if (open) out.add(new CpeMatch(true, cpe, start, null, null, null));
        return out;
    }

    /** CPE 2.2 URIs ({@code cpe:/o:redhat:enterprise_linux:9}) are rewritten as CPE 2.3; junk is dropped. */
    private static String cpe23(String cpe) {
        if (cpe == null || cpe.isBlank()) return null;
        try {
            return CpeParser.parse(cpe.trim()).toCpe23FS();
        } catch (CpeParsingException | RuntimeException e) {
            return null;
        }
    }

    private static String named(String s) {
        return Cve5Versions.isPlaceholder(s) ? null : s;
    }
}
