package jp.mamori.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core (src/test/resources/axe, shipped with the tests, never fetched at run time) run in
 * the page Chromium shows: WCAG 2.0/2.1 A and AA rules (colour contrast among them). WebDriver's
 * script injection is not subject to the page's Content-Security-Policy, so the pages keep theirs.
 */
final class Axe {
    static final String VERSION = "4.10.3";
    static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() { }

    /** One rule broken on a page: the rule, its impact, and where (CSS selectors and axe's summary of the first nodes). */
    record Violation(String rule, String impact, String help, List<String> where) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + String.join(" | ", where);
        }
    }

    /** Runs axe on the page shown; returns every violation (callers filter by impact). */
    static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        Object loaded = js.executeScript("return typeof window.axe === 'object';");
        if (!Boolean.TRUE.equals(loaded)) js.executeScript(source());
        String result = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));""");
        try {
            JsonNode v = JSON.readTree(result);
            if (v.has("error")) throw new AssertionError("axe failed: " + v.get("error").asText());
            List<Violation> out = new ArrayList<>();
            for (JsonNode n : v) {
                List<String> where = new ArrayList<>();
                for (JsonNode node : n.path("nodes")) {
                    if (where.size() >= 5) break;
                    where.add(node.path("target").toString() + " " + node.path("failureSummary").asText().replace('\n', ' '));
                }
                out.add(new Violation(n.path("id").asText(), n.path("impact").asText(), n.path("help").asText(), where));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("axe answered no JSON: " + result, e);
        }
    }

    /** The violations that fail the check: serious and critical. */
    static List<Violation> blocking(WebDriver driver) {
        List<Violation> all = check(driver);
        System.out.println("axe " + VERSION + " " + driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "") + ": " + all.size() + " violation(s)"
                + (all.isEmpty() ? "" : " " + all.stream().map(v -> v.impact() + " " + v.rule()).toList()));
        return all.stream().filter(v -> BLOCKING.contains(v.impact())).toList();
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) throw new AssertionError("axe-core missing from the test resources (/axe/axe.min.js)");
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return source;
    }
}
