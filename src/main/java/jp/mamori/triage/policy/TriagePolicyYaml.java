package jp.mamori.triage.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link TriagePolicy} from YAML. Every key is optional; what is left out keeps its default.
 * Unknown keys are errors (a misspelt key silently ignored would leave a default in force that the
 * organisation believes it changed). Errors name the file and the key's path.
 *
 * <pre>
 * table: cisa-coordinator            # or deployer
 * epss-poc-threshold: 0.1
 * raise-mission-when-open: true
 * assume-worst-when-cvss-unknown: true
 * deadlines: {act: 3, attend: 14, track-star: 30, track: 90}
 * cvss-source-order: [nvd, cna, jvn, "*"]
 * cvss-version-order: ["4.0", "3.1", "3.0", "2.0"]
 * time-zone: Asia/Tokyo
 * kev-due-date: after-detection      # or strict: a KEV dueDate that passed before detection is the deadline too
 * </pre>
 */
public final class TriagePolicyYaml {
    private static final Set<String> KEYS = Set.of("table", "epss-poc-threshold", "raise-mission-when-open",
            "assume-worst-when-cvss-unknown", "deadlines", "cvss-source-order", "cvss-version-order", "time-zone", "kev-due-date");
    private static final Set<String> DEADLINE_KEYS = Set.of("act", "attend", "track-star", "track");
    private static final Set<String> VERSIONS = Set.of("2.0", "3.0", "3.1", "4.0");

    private TriagePolicyYaml() { }

    public static TriagePolicy load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new TriagePolicyException(file + ": cannot read policy: " + e.getMessage(), e);
        }
    }

    public static TriagePolicy load(InputStream in, String name) {
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, name);
        } catch (IOException e) {
            throw new TriagePolicyException(name + ": cannot read policy: " + e.getMessage(), e);
        }
    }

    public static TriagePolicy parse(String yaml, String name) {
        return read(new StringReader(yaml), name);
    }

    private static TriagePolicy read(Reader reader, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(reader);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new TriagePolicyException(name + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TriagePolicyException(name + ": cannot read policy: " + e.getMessage(), e);
        }
        TriagePolicy d = TriagePolicy.defaults();
        if (root == null || root.isMissingNode() || root.isNull()) return d;
        Ctx c = new Ctx(name);
        if (!root.isObject()) throw c.error("", "expected a mapping of policy settings");
        c.checkKeys(root, "", KEYS);

        TableChoice table = c.value(root, "table", d.table(), n -> TableChoice.fromKey(c.text(n, "/table")));
        double threshold = c.value(root, "epss-poc-threshold", d.epssPocThreshold(), n -> {
            if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) throw c.error("/epss-poc-threshold", "expected a number from 0 to 1");
            return n.asDouble();
        });
        boolean raise = c.value(root, "raise-mission-when-open", d.raiseMissionWhenOpen(), n -> c.bool(n, "/raise-mission-when-open"));
        boolean worst = c.value(root, "assume-worst-when-cvss-unknown", d.assumeWorstWhenCvssUnknown(),
                n -> c.bool(n, "/assume-worst-when-cvss-unknown"));
        Deadlines deadlines = c.value(root, "deadlines", d.deadlines(), n -> {
            if (!n.isObject()) throw c.error("/deadlines", "expected a mapping of outcome to days");
            c.checkKeys(n, "/deadlines", DEADLINE_KEYS);
            Deadlines dd = d.deadlines();
            return new Deadlines(c.days(n, "act", dd.act()), c.days(n, "attend", dd.attend()),
                    c.days(n, "track-star", dd.trackStar()), c.days(n, "track", dd.track()));
        });
        List<String> sources = c.value(root, "cvss-source-order", d.cvssSourceOrder(), n -> c.list(n, "/cvss-source-order", null));
        List<String> versions = c.value(root, "cvss-version-order", d.cvssVersionOrder(), n -> c.list(n, "/cvss-version-order", VERSIONS));
        ZoneId zone = c.value(root, "time-zone", d.zone(), n -> {
            try {
                return ZoneId.of(c.text(n, "/time-zone"));
            } catch (DateTimeException e) {
                throw c.error("/time-zone", "unknown time zone '" + n.asText() + "'");
            }
        });
        boolean strictKev = c.value(root, "kev-due-date", d.strictKevDueDate(), n -> switch (c.text(n, "/kev-due-date")) {
            case "strict" -> true;
            case "after-detection" -> false;
            default -> throw c.error("/kev-due-date", "expected after-detection or strict, was '" + n.asText() + "'");
        });
        return new TriagePolicy(table, threshold, raise, worst, deadlines, sources, versions, zone, strictKev);
    }

    /** Helpers that know the file name, so every error says where it is. */
    private record Ctx(String name) {
        TriagePolicyException error(String pointer, String message) {
            return new TriagePolicyException(name + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
        }

        <T> T value(JsonNode parent, String key, T fallback, Function<JsonNode, T> read) {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) return fallback;
            try {
                return read.apply(n);
            } catch (TriagePolicyException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error("/" + key, e.getMessage());
            }
        }

        void checkKeys(JsonNode node, String pointer, Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw error(pointer + "/" + k, "unknown key (known keys: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        String text(JsonNode n, String pointer) {
            if (!n.isTextual()) throw error(pointer, "expected text");
            return n.asText();
        }

        boolean bool(JsonNode n, String pointer) {
            if (!n.isBoolean()) throw error(pointer, "expected true or false");
            return n.asBoolean();
        }

        int days(JsonNode parent, String key, int fallback) {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) return fallback;
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
                throw error("/deadlines/" + key, "expected a whole number of days, 0 or more");
            }
            return n.asInt();
        }

        List<String> list(JsonNode n, String pointer, Set<String> allowed) {
            if (!n.isArray() || n.isEmpty()) throw error(pointer, "expected a non-empty list");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                // YAML reads an unquoted 4.0 as a number; accept it as the version it means
                String v = e.isNumber() ? String.format(java.util.Locale.ROOT, "%.1f", e.asDouble()) : e.isTextual() ? e.asText().trim() : null;
                if (v == null || v.isEmpty()) throw error(pointer + "/" + i, "expected text");
                if (allowed != null && !allowed.contains(v)) throw error(pointer + "/" + i, "unknown value '" + v + "' (expected one of: 4.0, 3.1, 3.0, 2.0)");
                if (out.contains(v)) throw error(pointer + "/" + i, "'" + v + "' is listed twice");
                out.add(v);
            }
            return out;
        }
    }
}
