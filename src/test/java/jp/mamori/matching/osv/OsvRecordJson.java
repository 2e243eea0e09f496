package jp.mamori.matching.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;

/** Reads {@code affected[]} of an OSV record for interop tests only (the OSV importer is elsewhere). */
final class OsvRecordJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OsvRecordJson() { }

    static List<AffectedPackage> affected(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<AffectedPackage> out = new ArrayList<>();
        for (JsonNode a : root.path("affected")) {
            JsonNode pkg = a.path("package");
            List<PackageRange> ranges = new ArrayList<>();
            for (JsonNode r : a.path("ranges")) {
                List<RangeEvent> events = new ArrayList<>();
                for (JsonNode e : r.path("events")) {
                    Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> f = fields.next();
                        events.add(new RangeEvent(f.getKey(), f.getValue().asText()));
                    }
                }
                ranges.add(new PackageRange(r.path("type").asText(), events));
            }
            List<String> versions = new ArrayList<>();
            for (JsonNode v : a.path("versions")) versions.add(v.asText());
            out.add(new AffectedPackage(text(pkg, "ecosystem"), text(pkg, "name"), text(pkg, "purl"), ranges, versions));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
