package jp.mamori.matching.cpe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;

/**
 * Reads the {@code configurations} of an NVD API 2.0 {@code cve} object for interop tests only;
 * the production NVD parser lives with the advisory importers.
 */
final class NvdConfigurationsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NvdConfigurationsJson() { }

    static List<CpeConfiguration> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode cve = root.has("cve") ? root.get("cve") : root;
        List<CpeConfiguration> out = new ArrayList<>();
        for (JsonNode c : cve.path("configurations")) {
            List<CpeNode> nodes = new ArrayList<>();
            for (JsonNode n : c.path("nodes")) {
                List<CpeMatch> matches = new ArrayList<>();
                for (JsonNode m : n.path("cpeMatch")) {
                    matches.add(new CpeMatch(m.path("vulnerable").asBoolean(), m.path("criteria").asText(),
                            text(m, "versionStartIncluding"), text(m, "versionStartExcluding"),
                            text(m, "versionEndIncluding"), text(m, "versionEndExcluding")));
                }
                nodes.add(new CpeNode(text(n, "operator"), n.path("negate").asBoolean(false), matches));
            }
            out.add(new CpeConfiguration(text(c, "operator"), c.path("negate").asBoolean(false), nodes));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
