package jp.mamori.detection.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.mamori.detection.logs.Addresses;
import jp.mamori.detection.logs.LogEvent;

/**
 * A subset of Sigma for proxy and web-server log sources, so that published rules can be added
 * without code: named selections (maps of {@code field|modifier: value or list}, or lists of such
 * maps), the modifiers {@code contains}, {@code startswith}, {@code endswith}, {@code re},
 * {@code cidr} and {@code all}, wildcards {@code *} and {@code ?}, and conditions with {@code and},
 * {@code or}, {@code not}, parentheses, {@code 1 of X*} and {@code all of X*} ({@code them}).
 * Tags {@code cve.YYYY-NNNN} link the rule to a vulnerability.
 */
public final class SigmaRule {

    static final int MAX_RULE_BYTES = 64 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String id;
    private final String title;
    private final String level;
    private final List<String> cves;
    private final String logCategory;
    private final Predicate<LogEvent> condition;

    private SigmaRule(String id, String title, String level, List<String> cves, String logCategory, Predicate<LogEvent> condition) {
        this.id = id;
        this.title = title;
        this.level = level;
        this.cves = cves;
        this.logCategory = logCategory;
        this.condition = condition;
    }

    public String id() { return id; }
    public String title() { return title; }
    public List<String> cves() { return cves; }
    /** {@code proxy} or {@code webserver}. */
    public String logCategory() { return logCategory; }

    public Severity severity() {
        return Severity.fromKey(level == null ? "medium" : level);
    }

    public boolean matches(LogEvent e) {
        return condition.test(e);
    }

    /** Parses one rule; the message names the rule file and what is wrong. */
    public static SigmaRule parse(String name, String yaml) {
        if (yaml.length() > MAX_RULE_BYTES) throw new IllegalArgumentException(name + ": Sigma ルールが大きすぎます / rule larger than 64 KiB");
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name + ": YAML として読めません / not YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(name + ": Sigma ルールではありません / not a Sigma rule");
        JsonNode det = root.path("detection");
        if (!det.isObject()) throw new IllegalArgumentException(name + ": detection がありません / no detection section");
        String cond = det.path("condition").isArray() ? det.path("condition").get(0).asText() : det.path("condition").asText(null);
        if (cond == null) throw new IllegalArgumentException(name + ": detection.condition がありません / no condition");
        Map<String, Predicate<LogEvent>> selections = new LinkedHashMap<>();
        det.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("condition") && !f.getKey().equals("timeframe")) selections.put(f.getKey(), selection(name, f.getKey(), f.getValue()));
        });
        Predicate<LogEvent> c = new Condition(name, cond, selections).parse();
        List<String> cves = new ArrayList<>();
        for (JsonNode t : root.path("tags")) {
            String s = t.asText().toLowerCase(Locale.ROOT);
            if (s.startsWith("cve.")) cves.add("CVE-" + s.substring(4));
        }
        String cat = root.path("logsource").path("category").asText("proxy");
        return new SigmaRule(root.path("id").asText(name), root.path("title").asText(name), root.path("level").asText("medium"), List.copyOf(cves), cat, c);
    }

    private static Predicate<LogEvent> selection(String rule, String name, JsonNode v) {
        if (v.isArray()) {
            List<Predicate<LogEvent>> any = new ArrayList<>();
            for (JsonNode item : v) any.add(selection(rule, name, item));
            return e -> any.stream().anyMatch(p -> p.test(e));
        }
        if (!v.isObject()) throw new IllegalArgumentException(rule + ": 選択 " + name + " が不正です / selection '" + name + "' must be a map or a list of maps");
        List<Predicate<LogEvent>> all = new ArrayList<>();
        v.fields().forEachRemaining(f -> all.add(field(rule, f.getKey(), f.getValue())));
        return e -> {
            for (Predicate<LogEvent> p : all) if (!p.test(e)) return false;
            return true;
        };
    }

    private static Predicate<LogEvent> field(String rule, String key, JsonNode value) {
        String[] parts = key.split("\\|");
        String fieldName = parts[0];
        java.util.function.Function<LogEvent, String> get = getter(rule, fieldName);
        boolean allOf = false;
        String op = "equals";
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "contains", "startswith", "endswith", "re", "cidr" -> op = parts[i];
                case "all" -> allOf = true;
                default -> throw new IllegalArgumentException(rule + ": 未対応の修飾子です / unsupported modifier '" + parts[i] + "' in '" + key + "'");
            }
        }
        List<Predicate<String>> tests = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) value.forEach(values::add); else values.add(value);
        for (JsonNode n : values) tests.add(test(rule, op, n.isNull() ? null : n.asText()));
        boolean every = allOf;
        return e -> {
            String s = get.apply(e);
            if (every) {
                for (Predicate<String> t : tests) if (!t.test(s)) return false;
                return true;
            }
            for (Predicate<String> t : tests) if (t.test(s)) return true;
            return false;
        };
    }

    private static Predicate<String> test(String rule, String op, String v) {
        if (v == null) return s -> s == null || s.isEmpty();
        String lv = v.toLowerCase(Locale.ROOT);
        switch (op) {
            case "contains": return s -> s != null && s.toLowerCase(Locale.ROOT).contains(lv);
            case "startswith": return s -> s != null && s.toLowerCase(Locale.ROOT).startsWith(lv);
            case "endswith": return s -> s != null && s.toLowerCase(Locale.ROOT).endsWith(lv);
            case "re": {
                Pattern p;
                try {
                    p = Pattern.compile(v);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException(rule + ": 正規表現が不正です / bad regular expression '" + v + "'", e);
                }
                return s -> s != null && p.matcher(s).find();
            }
            case "cidr": {
                Addresses.Range r = Addresses.Range.parse(v);
                return s -> s != null && r.contains(s);
            }
            default: {
                if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                    StringBuilder re = new StringBuilder("^");
                    for (char c : v.toCharArray()) {
                        if (c == '*') re.append(".*");
                        else if (c == '?') re.append('.');
                        else re.append(Pattern.quote(String.valueOf(c)));
                    }
                    Pattern p = Pattern.compile(re.append('$').toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
                    return s -> s != null && p.matcher(s).matches();
                }
                return s -> s != null && s.equalsIgnoreCase(v);
            }
        }
    }

    static java.util.function.Function<LogEvent, String> getter(String rule, String f) {
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "c-uri", "cs-uri", "url", "uri" -> LogEvent::url;
            case "c-uri-stem", "cs-uri-stem" -> e -> e.url() == null ? null : e.url().split("\\?", 2)[0];
            case "c-uri-query", "cs-uri-query" -> e -> e.url() == null || e.url().indexOf('?') < 0 ? null : e.url().substring(e.url().indexOf('?') + 1);
            case "cs-method", "method" -> LogEvent::method;
            case "cs-host", "r-dns", "host", "dst_host" -> LogEvent::destinationHost;
            case "c-useragent", "cs-user-agent", "useragent" -> LogEvent::userAgent;
            case "c-ip", "src_ip", "clientip" -> LogEvent::clientIp;
            case "cs-username", "user", "username" -> LogEvent::user;
            case "cs-bytes" -> e -> e.bytesOut() < 0 ? null : Long.toString(e.bytesOut());
            case "sc-bytes" -> e -> e.bytesIn() < 0 ? null : Long.toString(e.bytesIn());
            case "dst_ip" -> LogEvent::target;
            default -> throw new IllegalArgumentException(rule + ": 未対応の項目です / unsupported field '" + f + "'");
        };
    }

    /** condition := or; or := and ('or' and)*; and := not ('and' not)*; not := 'not' not | atom. */
    private static final class Condition {
        final String rule;
        final List<String> tokens = new ArrayList<>();
        final Map<String, Predicate<LogEvent>> selections;
        int pos;

        Condition(String rule, String text, Map<String, Predicate<LogEvent>> selections) {
            this.rule = rule;
            this.selections = selections;
            for (String t : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) tokens.add(t);
        }

        Predicate<LogEvent> parse() {
            Predicate<LogEvent> p = or();
            if (pos != tokens.size()) throw bad("unexpected '" + tokens.get(pos) + "'");
            return p;
        }

        Predicate<LogEvent> or() {
            Predicate<LogEvent> p = and();
            while (peek("or")) { pos++; p = p.or(and()); }
            return p;
        }

        Predicate<LogEvent> and() {
            Predicate<LogEvent> p = not();
            while (peek("and")) { pos++; p = p.and(not()); }
            return p;
        }

        Predicate<LogEvent> not() {
            if (peek("not")) { pos++; return not().negate(); }
            return atom();
        }

        Predicate<LogEvent> atom() {
            if (pos >= tokens.size()) throw bad("condition ends early");
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                Predicate<LogEvent> p = or();
                if (!peek(")")) throw bad("missing ')'");
                pos++;
                return p;
            }
            if ((t.equals("1") || t.equals("all")) && peek("of")) {
                pos++;
                if (pos >= tokens.size()) throw bad("'of' needs a name");
                String pattern = tokens.get(pos++);
                List<Predicate<LogEvent>> matched = new ArrayList<>();
                for (Map.Entry<String, Predicate<LogEvent>> s : selections.entrySet()) {
                    if (pattern.equals("them") || (pattern.endsWith("*") ? s.getKey().startsWith(pattern.substring(0, pattern.length() - 1)) : s.getKey().equals(pattern))) {
                        matched.add(s.getValue());
                    }
                }
                if (matched.isEmpty()) throw bad("no selection matches '" + pattern + "'");
                boolean all = t.equals("all");
                return e -> all ? matched.stream().allMatch(p -> p.test(e)) : matched.stream().anyMatch(p -> p.test(e));
            }
            Predicate<LogEvent> s = selections.get(t);
            if (s == null) throw bad("unknown selection '" + t + "'");
            return s;
        }

        boolean peek(String s) {
            return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(s);
        }

        IllegalArgumentException bad(String why) {
            return new IllegalArgumentException(rule + ": 条件が不正です / bad condition: " + why);
        }
    }
}
