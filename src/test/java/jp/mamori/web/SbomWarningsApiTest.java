package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13 defect 4 through the REST API: an SBOM accepted with warnings is answered 201 with
 * "accepted with N warnings" and every warning taken apart — where in the document (JSON pointer),
 * Japanese, English — for a CycloneDX document with two schema problems and an SPDX document without
 * packages (let in by the security officer's confirmation); a clean document is answered with no warnings.
 */
class SbomWarningsApiTest {

    static final String PASSWORD = "Sbom-Warnings-Api-2026!";
    static final ObjectMapper JSON = new ObjectMapper();

    /** osv-scanner's empty subject type and a component type outside the schema's enumeration. */
    static final String CDX = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "metadata": {"component": {"type": "", "name": "portal"}},
             "components": [
               {"type": "library", "name": "lodash", "version": "4.17.20", "purl": "pkg:npm/lodash@4.17.20"},
               {"type": "gizmo", "name": "widget", "version": "1.0"}
             ]}
            """;

    /** An SPDX document without packages: only the security officer's confirmation lets it in, with its warning. */
    static final String SPDX = """
            {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "portal",
             "documentNamespace": "https://example.jp/spdx/portal-1",
             "creationInfo": {"created": "2026-12-01T00:00:00Z", "creators": ["Tool: handwritten"]},
             "packages": []}
            """;

    static final String CLEAN = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "components": [{"type": "library", "name": "lodash", "version": "4.17.21", "purl": "pkg:npm/lodash@4.17.21"}]}
            """;

    /** G町's counter portal: the asset both tests upload to. */
    static Asset portal(Mamori mamori) {
        InventoryRepository inv = mamori.inventory();
        long org = inv.createOrganization("012070", "G町", "municipality").id();
        long sys = inv.createSystem(org, "S", "窓口", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
        return inv.createAsset(org, sys, new InventoryRepository.NewAsset("portal", "窓口ポータル", AssetKind.SERVER, null, null, null, null,
                Exposure.CONTROLLED, false, null));
    }

    @Test
    void theUploadResponseListsEachWarningWithItsPlaceInJapaneseAndEnglish() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-warn-api-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            Asset asset = portal(mamori);
            long org = asset.organizationId();
            String token = OfficerAccount.create(db, dataDir, org, "officer", PASSWORD, List.of("read", "write")).token();
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient api = HttpSessionClient.api(base, token);
                String upload = "/api/v1/assets/" + asset.id() + "/sboms";

                HttpResponse<String> cdx = api.upload(upload, "portal.cdx.json", CDX.getBytes(StandardCharsets.UTF_8));
                assertThat(cdx.statusCode()).as(cdx.body()).isEqualTo(201);
                JsonNode c = JSON.readTree(cdx.body());
                assertThat(c.path("sbom").path("componentCount").asInt()).as("both components imported").isEqualTo(2);
                assertThat(c.path("warningCount").asInt()).isEqualTo(2);
                assertThat(c.path("acceptance").asText()).isEqualTo("注意 2 件付きで受け付けました / accepted with 2 warnings");
                assertThat(c.path("warnings")).hasSize(2);
                assertThat(c.path("warnings")).extracting(w -> w.path("place").asText())
                        .containsExactlyInAnyOrder("/metadata/component/type", "/components/1/type");
                for (JsonNode w : c.path("warnings")) {
                    assertThat(w.path("ja").asText()).isEqualTo("CycloneDX 1.6 スキーマに適合しません");
                    assertThat(w.path("en").asText()).startsWith("not valid against the CycloneDX 1.6 schema: ");
                    assertThat(w.path("text").asText()).isEqualTo(w.path("place").asText() + ": " + w.path("ja").asText() + " / " + w.path("en").asText());
                }
                JsonNode stored = JSON.readTree(api.get("/api/v1/sboms/" + c.path("sbom").path("id").asLong()).body()).path("sbom");
                assertThat(stored.path("warningCount").asInt()).as("the stored SBOM says the same").isEqualTo(2);

                HttpResponse<String> spdx = api.upload(upload + "?confirm=true", "portal.spdx.json", SPDX.getBytes(StandardCharsets.UTF_8));
                assertThat(spdx.statusCode()).as(spdx.body()).isEqualTo(201);
                JsonNode s = JSON.readTree(spdx.body());
                assertThat(s.path("acceptance").asText()).isEqualTo("注意 1 件付きで受け付けました / accepted with 1 warning");
                assertThat(s.path("warnings")).singleElement().satisfies(w -> {
                    assertThat(w.path("place").isNull()).as("the document as a whole").isTrue();
                    assertThat(w.path("ja").asText()).isEqualTo("コンポーネントが1件もありません");
                    assertThat(w.path("en").asText()).isEqualTo("the document lists no components");
                });

                HttpResponse<String> clean = api.upload(upload, "clean.cdx.json", CLEAN.getBytes(StandardCharsets.UTF_8));
                assertThat(clean.statusCode()).as(clean.body()).isEqualTo(201);
                JsonNode k = JSON.readTree(clean.body());
                assertThat(k.path("warningCount").asInt()).isZero();
                assertThat(k.path("warnings")).isEmpty();
                assertThat(k.path("acceptance").asText()).isEqualTo("受け付けました / accepted");

                JsonNode schemas = JSON.readTree(api.get("/api/v1/openapi.json").body()).path("components").path("schemas");
                assertThat(schemas.path("SbomUpload").path("properties").path("warnings").path("items").path("$ref").asText())
                        .as("the OpenAPI document describes the warnings").isEqualTo("#/components/schemas/SbomWarning");
                assertThat(schemas.path("SbomWarning").path("properties").fieldNames()).toIterable().contains("place", "ja", "en");
            } finally {
                context.close();
            }
        }
    }
}
