package jp.mamori.advisory.cve5;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.intake.JsonFields;
/**
 * The {@code versions[]} of one CVE 5 {@code affected} entry, turned into OSV-style ranges and
 * exact versions. Only entries with status "affected" count: "unaffected" and "unknown" entries
 * describe exceptions that a range cannot express without the default status, and reading them
 * as affected would invent findings.
 *
 * <ul>
 *   <li>{@code version} + {@code lessThan} → introduced=version, fixed=lessThan</li>
 *   <li>{@code version} + {@code lessThanOrEqual} → introduced=version, last_affected=lessThanOrEqual
 *       (when both are the same version it is an exact version)</li>
 *   <li>{@code changes[]} → fixed at "unaffected" changes, introduced again at "affected" ones</li>
 *   <li>{@code version} alone → an exact version; placeholders ("n/a", "unspecified") carry no
 *       information and are skipped; a wildcard bound ("*") means no upper bound</li>
 *   <li>the range type is the {@code versionType} upper-cased ("SEMVER", "GIT", "CUSTOM", "PATCH",
 *       ...; "SEMVER" and "GIT" mean what they mean in OSV), "UNSPECIFIED" when absent</li>
 * </ul>
 */
final class Cve5Versions {
    final List<PackageRange> ranges = new ArrayList<>();
    final List<String> exact = new ArrayList<>();

    private Cve5Versions() { }

    static Cve5Versions of(JsonNode affected) {
        Cve5Versions out = new Cve5Versions();
        for (JsonNode v : JsonFields.array(affected, "versions")) {
            if (!"affected".equalsIgnoreCase(JsonFields.text(v, "status"))) continue;
            out.add(v);
        }
        if (out.isEmpty() && "affected".equalsIgnoreCase(JsonFields.text(affected, "defaultStatus"))
                && !affected.path("versions").isArray()) {
            // no version list at all and affected by default: every version
            out.ranges.add(new PackageRange("UNSPECIFIED", List.of(new RangeEvent("introduced", "0"))));
        }
        return out;
    }

    boolean isEmpty() { return ranges.isEmpty() && exact.isEmpty(); }

    private void add(JsonNode v) {
        String version = JsonFields.text(v, "version");
        String lessThan = JsonFields.text(v, "lessThan");
        String lessThanOrEqual = JsonFields.text(v, "lessThanOrEqual");
        boolean unbounded = isWildcard(lessThan) || isWildcard(lessThanOrEqual);
        if (isWildcard(lessThan)) lessThan = null;
        if (isWildcard(lessThanOrEqual)) lessThanOrEqual = null;
        JsonNode changes = v.path("changes");
        boolean hasChanges = changes.isArray() && !changes.isEmpty();
        if (lessThan == null && lessThanOrEqual == null && !hasChanges && !unbounded) {
            if (!isPlaceholder(version)) exact.add(version);
            return;
        }
        if (lessThanOrEqual != null && lessThanOrEqual.equals(version) && lessThan == null && !hasChanges) {
            exact.add(version);
            return;
        }
        List<RangeEvent> events = new ArrayList<>();
        events.add(new RangeEvent("introduced", isPlaceholder(version) || isWildcard(version) ? "0" : version));
        for (JsonNode c : changes) {
            String at = JsonFields.text(c, "at");
            if (at == null) continue;
            String status = JsonFields.text(c, "status");
            if ("unaffected".equalsIgnoreCase(status)) events.add(new RangeEvent("fixed", at));
            else if ("affected".equalsIgnoreCase(status)) events.add(new RangeEvent("introduced", at));
        }
        if (lessThan != null) events.add(new RangeEvent("fixed", lessThan));
        else if (lessThanOrEqual != null) events.add(new RangeEvent("last_affected", lessThanOrEqual));
        String type = JsonFields.text(v, "versionType");
        ranges.add(new PackageRange(type == null ? "UNSPECIFIED" : type.toUpperCase(Locale.ROOT), events));
    }

    /**
     * "*" means "no bound" in CVE 5; some CNAs write things like "log4j-core*" (CVE-2021-44228),
     * which is no version either.
     */
    private static boolean isWildcard(String s) {
        return s != null && s.endsWith("*");
    }

    static boolean isPlaceholder(String s) {
        if (s == null) return true;
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("n/a") || t.equals("unspecified") || t.equals("unknown") || t.equals("-");
    }
}
