package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Japanese first, English when chosen (issue 12.8): both bundles carry every key; every key a
 * template names exists; and no Japanese-facing text is plain English.
 *
 * <p>The template rule, stated precisely: Thymeleaf replaces the content of an element that has
 * {@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert} or {@code th:remove}, and an
 * attribute that has a {@code th:} twin, so those are prototypes and never shown. What is left is
 * literal text a user reads: a text node (outside {@code code}, {@code pre}, {@code kbd},
 * {@code samp}, {@code script}, {@code style}) or a visible attribute ({@code placeholder},
 * {@code title}, {@code aria-label}, {@code alt}, a button's {@code value}). Such literal text may
 * not contain an English word: a label belongs in the bundles. Terms used as they are in Japanese
 * (CVSS, SBOM, KEV …) are listed in {@link #TERMS}. Text inside an element marked {@code lang="en"}
 * is English by declaration: the sign-in pages, shown before anyone has chosen a language, carry
 * both languages that way.
 */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Words a Japanese reader reads as they are: standards, acronyms, SSVC's own outcome names, the product's name. */
    static final Set<String> TERMS = Set.of("CVSS", "SSVC", "EPSS", "KEV", "CISA", "SBOM", "VEX", "CPE", "CWE", "CVE", "JVN", "NVD", "OSV",
            "CSAF", "purl", "ID", "API", "URL", "TOTP", "CSV", "JSON", "OpenAPI", "CISO", "Mamori", "Act", "Attend", "Track", "RACI",
            "PoC", "IPA", "LGWAN", "VPN", "VDI", "PDF", "SHA", "OpenVEX", "CycloneDX", "SPDX", "Excel", "xlsx", "QR", "URI", "NDA",
            "Google", "Microsoft", "Authenticator");

    /** Keys whose Japanese value is English on purpose: the switch to English is labelled in English. */
    static final Set<String> ENGLISH_ON_PURPOSE = Set.of("header.lang", "header.lang.title");

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n/messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguagesAndNoneIsEmpty() throws IOException {
        Properties ja = bundle("ja");
        Properties en = bundle("en");
        Set<String> missingInEn = new TreeSet<>(ja.stringPropertyNames());
        missingInEn.removeAll(en.stringPropertyNames());
        Set<String> missingInJa = new TreeSet<>(en.stringPropertyNames());
        missingInJa.removeAll(ja.stringPropertyNames());
        assertThat(missingInEn).as("keys missing in messages_en.properties").isEmpty();
        assertThat(missingInJa).as("keys missing in messages_ja.properties").isEmpty();
        List<String> empty = new ArrayList<>();
        for (Properties p : List.of(ja, en)) p.forEach((k, v) -> { if (v.toString().isBlank()) empty.add(k.toString()); });
        assertThat(empty).as("empty values").isEmpty();
    }

    /** Every message goes through MessageFormat (WebSetup): a lone apostrophe would vanish and swallow what follows. */
    @Test
    void apostrophesAreWrittenTwiceSoTheyShowOnThePage() throws IOException {
        List<String> lone = new ArrayList<>();
        for (String lang : List.of("ja", "en")) {
            bundle(lang).forEach((k, v) -> {
                if (v.toString().replace("''", "").contains("'")) lone.add(lang + ": " + k + "=" + v);
            });
        }
        assertThat(lone).as("write ' as '' in the bundles").isEmpty();
        String lead = bundle("en").getProperty("det.lead");
        assertThat(new java.text.MessageFormat(lead, java.util.Locale.ENGLISH).format(new Object[] {500}))
                .contains("the telework gateway's and the proxy's logs").contains("at most 500");
    }

    @Test
    void japaneseValuesAreJapanese() throws IOException {
        List<String> english = new ArrayList<>();
        bundle("ja").forEach((k, v) -> {
            if (ENGLISH_ON_PURPOSE.contains(k.toString())) return;
            List<String> words = englishWords(v.toString());
            if (v.toString().chars().allMatch(c -> c < 0x80) && !words.isEmpty()) english.add(k + "=" + v);
        });
        assertThat(english).as("Japanese bundle values that are English (add the Japanese, or the term to TERMS if it is one)").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties ja = bundle("ja");
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)\\s*[}(]");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = key.matcher(Files.readString(t));
            while (m.find()) if (!ja.containsKey(m.group(1))) missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noLiteralEnglishInTheTemplates() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path t : templates()) found.addAll(literalEnglish(t));  // every template: none is exempt
        assertThat(found).as("literal English a user would read: put it in the bundles (th:text=\"#{…}\")").isEmpty();
    }

    @Test
    void theRuleFindsWhatItShould() throws Exception {
        Path t = Files.createTempFile("probe", ".html");
        Files.writeString(t, """
                <html xmlns:th="http://www.thymeleaf.org"><body>
                <p th:text="#{x}">Prototype text is replaced</p>
                <p>Delete this asset</p>
                <p>資産 <code>vpn-gw-01</code> CVSS 9.8</p>
                <input type="text" placeholder="Search">
                <input type="text" placeholder="検索" th:placeholder="#{q}">
                <button type="submit">保存</button>
                <div th:replace="~{f :: g}"><span>Replaced entirely</span></div>
                </body></html>
                """);
        assertThat(literalEnglish(t)).extracting(s -> s.substring(s.indexOf(": ") + 2))
                .containsExactly("text \"Delete this asset\"", "placeholder \"Search\"");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** ASCII words of two letters or more that are not terms, not identifiers (a-b, a_b, a.b) and not Thymeleaf expressions. */
    static List<String> englishWords(String text) {
        String t = text.replaceAll("\\[\\[.*?]]|\\$\\{.*?}|#\\{.*?}|\\{\\d+}|https?://\\S+", " ");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.@/-])[A-Za-z][A-Za-z]+(?![\\w.@/-])").matcher(t);
        while (m.find()) if (!TERMS.contains(m.group())) out.add(m.group());
        return out;
    }

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:fragment");
    private static final Set<String> NOT_PROSE = Set.of("code", "pre", "kbd", "samp", "script", "style");
    private static final Set<String> VISIBLE = Set.of("placeholder", "title", "aria-label", "alt");

    private static List<String> literalEnglish(Path template) throws Exception {
        List<String> found = new ArrayList<>();
        String name = TEMPLATES.toAbsolutePath().getParent() == null ? template.toString() : template.getFileName().toString();
        String rel = template.startsWith(TEMPLATES) ? TEMPLATES.relativize(template).toString() : name;
        record Frame(String element, boolean hidden) { }
        Deque<Frame> stack = new ArrayDeque<>();
        class Handler extends AbstractMarkupHandler {
            String element;
            final java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
            int line;

            boolean hidden() {
                return !stack.isEmpty() && stack.peek().hidden();
            }

            void start(char[] b, int o, int l, int ln) {
                element = new String(b, o, l).toLowerCase(Locale.ROOT);
                attributes.clear();
                line = ln;
            }

            void end(boolean push) {
                boolean replaced = attributes.keySet().stream().anyMatch(REPLACING::contains);
                boolean hide = hidden() || replaced || NOT_PROSE.contains(element) || "en".equals(attributes.get("lang"));
                if (!hide) {
                    for (var a : attributes.entrySet()) {
                        boolean visible = VISIBLE.contains(a.getKey())
                                || (a.getKey().equals("value") && element.equals("input") && Set.of("submit", "button").contains(attributes.get("type")));
                        boolean twin = attributes.containsKey("th:" + a.getKey()) || attributes.containsKey("th:attr");
                        if (visible && !twin && !englishWords(a.getValue()).isEmpty()) {
                            found.add(rel + ":" + line + ": " + a.getKey() + " \"" + a.getValue() + "\"");
                        }
                    }
                }
                if (push) stack.push(new Frame(element, hide));
            }

            @Override
            public void handleOpenElementStart(char[] b, int o, int l, int ln, int col) {
                start(b, o, l, ln);
            }

            @Override
            public void handleOpenElementEnd(char[] b, int o, int l, int ln, int col) {
                end(true);
            }

            @Override
            public void handleStandaloneElementStart(char[] b, int o, int l, boolean minimized, int ln, int col) {
                start(b, o, l, ln);
            }

            @Override
            public void handleStandaloneElementEnd(char[] b, int o, int l, boolean minimized, int ln, int col) {
                end(false);
            }

            private void close(char[] b, int o, int l) {
                String n = new String(b, o, l).toLowerCase(Locale.ROOT);
                if (stack.stream().noneMatch(f -> f.element().equals(n))) return;
                while (!stack.isEmpty() && !stack.pop().element().equals(n)) { /* unwind to the element closed */ }
            }

            @Override
            public void handleCloseElementEnd(char[] b, int o, int l, int ln, int col) {
                close(b, o, l);
            }

            @Override
            public void handleAutoCloseElementEnd(char[] b, int o, int l, int ln, int col) {
                close(b, o, l);
            }

            @Override
            public void handleAttribute(char[] b, int no, int nl, int nln, int ncol, int oo, int ol, int oln, int ocol,
                                        int vo, int vl, int voo, int vol, int vln, int vcol) {
                attributes.put(new String(b, no, nl).toLowerCase(Locale.ROOT), new String(b, vo, vl));
            }

            @Override
            public void handleText(char[] b, int o, int l, int ln, int col) {
                if (hidden()) return;
                String text = new String(b, o, l).strip();
                if (text.isEmpty()) return;
                if (!englishWords(text).isEmpty()) found.add(rel + ":" + ln + ": text \"" + text + "\"");
            }
        }
        new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(Files.readString(template), new Handler());
        return found;
    }
}
