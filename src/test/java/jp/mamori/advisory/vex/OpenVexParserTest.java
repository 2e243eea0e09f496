package jp.mamori.advisory.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.GeneratedInput;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;

class OpenVexParserTest {
    private final OpenVexParser parser = new OpenVexParser();

    @Test
    void v020StatementsGiveOneStatementPerProductWithDocumentOrOwnTimestamp() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/vex/openvex-v020.json");

        String doc = "https://vex.example.jp/docs/portal-2024-001";
        assertThat(sink.vex).containsExactly(
                new VexStatement("CVE-2021-44228", "pkg:maven/jp.example/example-portal@2.4", VexStatus.NOT_AFFECTED,
                        "vulnerable_code_not_in_execute_path",
                        "JNDI lookups are disabled by configuration and the JndiLookup class is removed at build time.",
                        null, Source.OPENVEX, doc, Instant.parse("2024-02-01T00:00:00Z")),
                new VexStatement("CVE-2022-22965", "pkg:maven/jp.example/example-portal@2.4", VexStatus.AFFECTED, null, null,
                        "Upgrade example-portal to 2.5, which ships Spring Framework 5.3.18.", Source.OPENVEX, doc,
                        Instant.parse("2024-02-03T01:00:00Z")),
                new VexStatement("CVE-2022-22965", "cpe:2.3:a:example:portal_appliance:2.4:*:*:*:*:*:*:*", VexStatus.AFFECTED,
                        null, null, "Upgrade example-portal to 2.5, which ships Spring Framework 5.3.18.", Source.OPENVEX, doc,
                        Instant.parse("2024-02-03T01:00:00Z")));
    }

    @Test
    void v001VulnerabilityStringsAndProductStringsAreRead() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/vex/openvex-v001.json");

        assertThat(sink.vex).extracting(VexStatement::vulnId, VexStatement::status, VexStatement::product).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2023-38408", VexStatus.UNDER_INVESTIGATION,
                        "pkg:deb/debian/openssh-client@1:9.2p1-2?arch=amd64"),
                org.assertj.core.groups.Tuple.tuple("CVE-2024-6387", VexStatus.FIXED,
                        "pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u3?arch=amd64"));
        assertThat(sink.vex).allSatisfy(v -> assertThat(v.timestamp()).isEqualTo(Instant.parse("2023-01-09T00:02:03Z")));
    }

    @Test
    void statementsBeforeTheHeaderAreHeldAndGetTheDocumentTimestamp() throws Exception {
        String doc = "{\"statements\": [{\"vulnerability\": {\"name\": \"CVE-2024-3094\"}, \"products\": [\"pkg:deb/debian/xz-utils@5.4.1-0.2\"],"
                + " \"status\": \"not_affected\", \"justification\": \"vulnerable_code_not_present\"}],"
                + " \"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"urn:example:late-header\", \"timestamp\": \"2024-04-01T00:00:00Z\"}";
        RecordingSink sink = Feeds.text(parser, "late.json", doc);

        assertThat(sink.vex).singleElement().satisfies(v -> {
            assertThat(v.documentId()).isEqualTo("urn:example:late-header");
            assertThat(v.timestamp()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        });
    }

    @Test
    void unknownStatusIsRejectedNamingTheStatement() {
        String doc = "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", \"timestamp\": \"2024-01-01T00:00:00Z\",\n"
                + "\"statements\": [\n {\"vulnerability\": {\"name\": \"CVE-2024-3400\"}, \"products\": [\"p\"], \"status\": \"fixed\"},\n"
                + " {\"vulnerability\": {\"name\": \"CVE-2024-3400\"}, \"products\": [\"p\"], \"status\": \"patched\"}]}";
        assertThatThrownBy(() -> Feeds.text(parser, "bad.vex.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.location()).isEqualTo("line 4:2 at /statements/1/status");
                    assertThat(e.getMessage()).contains("unknown OpenVEX status 'patched'");
                });
    }

    @Test
    void documentsThatAreNotOpenVexAreRejected() {
        assertThatThrownBy(() -> Feeds.text(parser, "csaf.json", "{\"document\": {}}"))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not an OpenVEX document: no @context");
        assertThatThrownBy(() -> Feeds.text(parser, "ld.json", "{\"@context\": \"https://schema.org\"}"))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not an OpenVEX document");
    }

    @Test
    void truncatedDocumentIsAnErrorWithLineAndColumn() {
        String doc = "{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n \"statements\": [{\"vulnerability\": ";
        assertThatThrownBy(() -> Feeds.text(parser, "cut.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.location()).startsWith("line 2:");
                    assertThat(e.getMessage()).contains("malformed JSON");
                });
    }

    @Test
    void statementsAreEmittedWhileTheDocumentIsStillBeingRead() throws Exception {
        String head = "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"gen\", \"timestamp\": \"2024-01-01T00:00:00Z\", \"statements\": [";
        GeneratedInput input = new GeneratedInput(head, i -> (i == 0 ? "" : ",")
                + "{\"vulnerability\": {\"name\": \"CVE-2024-" + (10000 + i) + "\"}, \"products\": [\"pkg:npm/a@1\"], \"status\": \"fixed\"}",
                50_000, "]}");
        List<Boolean> finishedAtFirst = new java.util.ArrayList<>();
        RecordingSink sink = new RecordingSink() {
            @Override
            public void vex(VexStatement s) {
                if (vex.isEmpty()) finishedAtFirst.add(input.finished());
                super.vex(s);
            }
        };
        parser.parse(input, "generated.json", sink);

        assertThat(sink.vex).hasSize(50_000);
        assertThat(finishedAtFirst).containsExactly(false);
    }
}
