package jp.mamori.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonRecord;

/**
 * NVD {@code configurations}, kept whole: configuration operator and negate, every node with its
 * operator and negate, every cpeMatch with {@code vulnerable}, the criterion and all four range
 * bounds. The AND structure ("vulnerable firmware running on this hardware") is what keeps
 * platform CPEs with {@code vulnerable:false} from being reported as vulnerable.
 */
final class NvdConfigurations {
    private NvdConfigurations() { }

    static List<CpeConfiguration> map(JsonRecord cve) throws FeedFormatException {
        List<CpeConfiguration> out = new ArrayList<>();
        int c = 0;
        for (JsonNode config : JsonFields.array(cve.node(), "configurations")) {
            List<CpeNode> nodes = new ArrayList<>();
            int n = 0;
            for (JsonNode node : JsonFields.array(config, "nodes")) {
                nodes.add(node(node, cve, c, n));
                n++;
            }
            out.add(new CpeConfiguration(JsonFields.text(config, "operator"), JsonFields.bool(config, "negate", false), nodes));
            c++;
        }
        return out;
    }

    private static CpeNode node(JsonNode node, JsonRecord cve, int c, int n) throws FeedFormatException {
        List<CpeMatch> matches = new ArrayList<>();
        int m = 0;
        for (JsonNode match : JsonFields.array(node, "cpeMatch")) {
            String criteria = JsonFields.text(match, "criteria");
            if (criteria == null) {
                throw cve.error("/configurations/" + c + "/nodes/" + n + "/cpeMatch/" + m + "/criteria", "cpeMatch without criteria");
            }
            matches.add(new CpeMatch(JsonFields.bool(match, "vulnerable", true), criteria,
                    JsonFields.text(match, "versionStartIncluding"), JsonFields.text(match, "versionStartExcluding"),
                    JsonFields.text(match, "versionEndIncluding"), JsonFields.text(match, "versionEndExcluding")));
            m++;
        }
        return new CpeNode(JsonFields.text(node, "operator"), JsonFields.bool(node, "negate", false), matches);
    }
}
