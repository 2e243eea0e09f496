package jp.mamori.advisory.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonRecord;

/**
 * One OSV {@code affected[]} entry as published: ecosystem, name, purl (its version dropped:
 * the ranges say which versions), every range with its events in order, and the explicit
 * versions. An entry without a package but with GIT ranges (commit ranges of the upstream
 * repository) is kept under ecosystem "GIT" named by the repository URL.
 */
final class OsvAffected {
    private OsvAffected() { }

    static AffectedPackage map(JsonNode a, JsonRecord rec, String at) throws FeedFormatException {
        JsonNode pkg = a.path("package");
        List<PackageRange> ranges = new ArrayList<>();
        String repo = null;
        int r = 0;
        for (JsonNode range : JsonFields.array(a, "ranges")) {
            String type = JsonFields.text(range, "type");
            if (type == null) throw rec.error(at + "/ranges/" + r + "/type", "range without type");
            if (repo == null) repo = JsonFields.text(range, "repo");
            ranges.add(new PackageRange(type, events(range, rec, at + "/ranges/" + r)));
            r++;
        }
        List<String> versions = new ArrayList<>();
        for (JsonNode v : JsonFields.array(a, "versions")) if (v.isValueNode() && !v.isNull()) versions.add(v.asText());
        String ecosystem = JsonFields.text(pkg, "ecosystem");
        String name = JsonFields.text(pkg, "name");
        if (ecosystem == null && name == null && repo != null) return new AffectedPackage("GIT", repo, null, ranges, versions);
        if (ecosystem == null || name == null) {
            throw rec.error(at + "/package", "affected entry without package ecosystem and name");
        }
        return new AffectedPackage(ecosystem, name, withoutVersion(JsonFields.text(pkg, "purl")), ranges, versions);
    }

    private static List<RangeEvent> events(JsonNode range, JsonRecord rec, String at) throws FeedFormatException {
        List<RangeEvent> events = new ArrayList<>();
        int e = 0;
        for (JsonNode event : JsonFields.array(range, "events")) {
            Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
            if (!fields.hasNext()) throw rec.error(at + "/events/" + e, "empty range event");
            Map.Entry<String, JsonNode> f = fields.next();
            String kind = f.getKey();
            if (!kind.equals("introduced") && !kind.equals("fixed") && !kind.equals("last_affected") && !kind.equals("limit")) {
                throw rec.error(at + "/events/" + e, "unknown range event '" + kind + "'");
            }
            events.add(new RangeEvent(kind, f.getValue().asText()));
            e++;
        }
        return events;
    }

    /** {@code pkg:deb/ubuntu/linux@3.13.0?arch=source} gives {@code pkg:deb/ubuntu/linux?arch=source}. */
    static String withoutVersion(String purl) {
        if (purl == null) return null;
        int tail = purl.length();
        int q = purl.indexOf('?');
        int h = purl.indexOf('#');
        if (q >= 0) tail = q;
        if (h >= 0 && h < tail) tail = h;
        int at = purl.lastIndexOf('@', tail - 1);
        int slash = purl.lastIndexOf('/', tail - 1);
        if (at < 0 || at < slash) return purl;
        return purl.substring(0, at) + purl.substring(tail);
    }
}
