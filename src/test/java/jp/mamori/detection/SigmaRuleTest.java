package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.SigmaRule;
import jp.mamori.detection.rules.SigmaRules;
import org.junit.jupiter.api.Test;

/** The Sigma subset: modifiers, wildcards, conditions, and clear errors for what it does not support. */
class SigmaRuleTest {

    static LogEvent req(String method, String host, String url, String ua, String client) {
        return LogEvent.of(LogSource.SQUID, 1, Instant.EPOCH, EventKind.WEB_REQUEST, "x").method(method).destination(host).url(url).userAgent(ua).client(client).build();
    }

    static SigmaRule rule(String detection) {
        return SigmaRule.parse("t.yml", "title: t\nid: t1\ntags: [cve.2099-0001]\nlogsource: {category: proxy}\nlevel: high\ndetection:\n" + detection);
    }

    @Test
    void modifiersAndConditions() {
        SigmaRule r = rule("""
                  sel_host:
                    cs-host|endswith: ['.example.org', 'files.test']
                  sel_path:
                    c-uri|contains|all: ['/up', 'load']
                  net:
                    c-ip|cidr: 10.0.0.0/8
                  agent:
                    c-useragent: 'curl*'
                  condition: (1 of sel_*) and net and not agent
                """);
        assertThat(r.cves()).containsExactly("CVE-2099-0001");
        assertThat(r.matches(req("POST", "a.example.org", "/x", "Mozilla", "10.1.1.1"))).isTrue();
        assertThat(r.matches(req("POST", "b.other", "/upload", "Mozilla", "10.1.1.1"))).isTrue();
        assertThat(r.matches(req("POST", "b.other", "/up", "Mozilla", "10.1.1.1"))).as("contains|all needs both").isFalse();
        assertThat(r.matches(req("POST", "a.example.org", "/x", "curl/8", "10.1.1.1"))).isFalse();
        assertThat(r.matches(req("POST", "a.example.org", "/x", "Mozilla", "192.0.2.1"))).isFalse();
        SigmaRule all = rule("""
                  a:
                    cs-method: POST
                  b:
                    c-uri|re: '^/u[0-9]+$'
                  condition: all of them
                """);
        assertThat(all.matches(req("post", "h", "/u12", null, null))).isTrue();
        assertThat(all.matches(req("POST", "h", "/u12x", null, null))).isFalse();
    }

    @Test
    void unsupportedOrBrokenRulesAreRefusedByName() {
        assertThatThrownBy(() -> rule("  s:\n    c-uri|base64offset: x\n  condition: s\n")).hasMessageContaining("t.yml").hasMessageContaining("base64offset");
        assertThatThrownBy(() -> rule("  s:\n    c-uri: x\n  condition: s and missing\n")).hasMessageContaining("unknown selection 'missing'");
        assertThatThrownBy(() -> rule("  s:\n    c-uri: x\n  condition: (s\n")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> rule("  s:\n    no-such-field: x\n  condition: s\n")).hasMessageContaining("unsupported field");
        assertThatThrownBy(() -> SigmaRule.parse("b.yml", "just: [a, b")).hasMessageContaining("b.yml");
        assertThatThrownBy(() -> rule("  s:\n    c-uri|re: '('\n  condition: s\n")).hasMessageContaining("regular expression");
    }

    @Test
    void theShippedRulesLoad() {
        assertThat(SigmaRules.shipped()).extracting(SigmaRule::cves).anySatisfy(c -> assertThat(c).contains("CVE-2023-4966"));
    }
}
