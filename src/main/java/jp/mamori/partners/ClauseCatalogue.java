package jp.mamori.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clause checklist (YAML under version control, {@code partners/clauses.yaml}): what a contract
 * must say, each item citing its source. An organisation may replace it with its own file.
 */
public final class ClauseCatalogue {

    static final String RESOURCE = "/partners/clauses.yaml";
    static final long MAX_BYTES = 1024 * 1024;

    private final List<ClauseItem> items;

    private ClauseCatalogue(List<ClauseItem> items) {
        this.items = List.copyOf(items);
    }

    public List<ClauseItem> items() {
        return items;
    }

    public Optional<ClauseItem> item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** The shipped catalogue. */
    public static ClauseCatalogue shipped() {
        try (InputStream in = ClauseCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return parse(in.readAllBytes(), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation's own file when it exists, else the shipped one. */
    public static ClauseCatalogue load(Path override) {
        if (override == null || !Files.isRegularFile(override)) return shipped();
        try {
            if (Files.size(override) > MAX_BYTES) throw new PartnersException(override + ": 1MBを超えています / larger than 1 MB");
            return parse(Files.readAllBytes(override), override.toString());
        } catch (IOException e) {
            throw new PartnersException(override + ": 読めません / cannot read: " + e.getMessage());
        }
    }

    static ClauseCatalogue parse(byte[] yaml, String file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new PartnersException(file + ": YAMLとして読めません / malformed YAML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<ClauseItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode list = root == null ? null : root.get("items");
        if (list == null || !list.isArray() || list.isEmpty()) throw new PartnersException(file, List.of("items がありません / no items"));
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "/items/" + i;
            String key = n.path("key").asText("");
            if (!key.matches("[a-z0-9-]{1,64}")) problems.add(where + "/key: 英小文字・数字・ハイフン64文字まで / lower-case letters, digits, hyphens (≤ 64)");
            if (!keys.add(key)) problems.add(where + "/key: 重複しています / duplicate key '" + key + "'");
            String source = n.path("source").asText("");
            if (source.isBlank()) problems.add(where + "/source: 出典がありません / every item cites its source");
            for (String f : List.of("title/ja", "title/en", "text/ja", "text/en")) {
                if (n.at("/" + f).asText("").isBlank()) problems.add(where + "/" + f + ": 必須です / required");
            }
            ClauseItem.Condition cond = null;
            if (n.hasNonNull("applies_if")) {
                try {
                    cond = ClauseItem.Condition.parse(n.get("applies_if").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(where + "/applies_if: 不明な条件 / unknown condition '" + n.get("applies_if").asText() + "'");
                }
            }
            RiskFlag flag = null;
            if (n.hasNonNull("flag")) {
                try {
                    flag = RiskFlag.parse(n.get("flag").asText());
                } catch (PartnersException e) {
                    problems.add(where + "/flag: " + e.getMessage());
                }
            }
            items.add(new ClauseItem(key, n.at("/title/ja").asText(), n.at("/title/en").asText(), n.at("/text/ja").asText(),
                    n.at("/text/en").asText(), source, cond, flag));
        }
        if (!problems.isEmpty()) throw new PartnersException(file, problems);
        return new ClauseCatalogue(items);
    }
}
