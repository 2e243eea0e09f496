package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages and the API over HTTP (no browser): the OpenAPI document describes every API
 * mapping, errors are JSON, hostile names are escaped, no inline script or style, the English
 * switch, paging and sorting of findings in the database.
 */
class WebPagesAndApiTest {

    static final String PASSWORD = "Pages-And-Api-Test-2026!";
    static final ObjectMapper JSON = new ObjectMapper();

    private static Database db;
    private static ConfigurableApplicationContext context;
    private static String base;
    private static String token;
    private static long assetId;
    private static long otherAssetId;
    private static HttpSessionClient page;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-pages-");
        db = Database.open(TestDatabases.h2());
        Path feeds = dataDir.resolve("feeds");
        Files.createDirectories(feeds);
        for (String f : List.of("GHSA-jfh8-c2jp-5v3q.json", "GHSA-35jh-r3h4-6jhm.json")) {
            try (InputStream in = WebPagesAndApiTest.class.getResourceAsStream("/demo/feeds/osv/" + f)) {
                Files.copy(in, feeds.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(new FeedFileImporter(db, Clock.systemUTC(), null).importPaths(List.of(feeds), null, false).failed()).isFalse();
        InventoryRepository inv = new InventoryRepository(db.dataSource());
        long org = inv.createOrganization("012033", "A市", "municipality").id();
        long sys = inv.createSystem(org, "S1", "住民情報システム", Segment.LGWAN, new Importance("3A", "2", "2"), null, null, List.of("甲社")).id();
        assetId = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap-01", "業務APサーバ", AssetKind.SERVER, null, null, null, null,
                Exposure.CONTROLLED, false, "甲社")).id();
        otherAssetId = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap-02", "<b>太字</b>サーバ", AssetKind.SERVER, null, null, null, null,
                Exposure.SMALL, false, "甲社")).id();
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
        UserStore.Created c = users.create(new UserStore.NewUser("sysadmin", null, Role.SYSTEM_ADMIN, org, Set.of(sys), null, false), "test");
        users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
        UserAccount u = users.findById(c.user().id()).orElseThrow();
        token = new ApiTokenStore(db.dataSource(), audit).issue(u, "test", List.of("read", "write"), 1, "test").secret();
        // the TLS proxy runs on this host (its X-Forwarded-Proto is believed only from MAMORI_TRUSTED_PROXY)
        context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir, Map.of("MAMORI_TRUSTED_PROXY", "127.0.0.1"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        page = HttpSessionClient.browser(base);
        page.get("/login");
        HttpResponse<String> r = page.postForm("/login", Map.of("username", "sysadmin", "password", PASSWORD));
        assertThat(HttpSessionClient.location(r)).isEqualTo("/");
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (db != null) db.close();
    }

    private static HttpSessionClient api() {
        return HttpSessionClient.api(base, token);
    }

    private static byte[] sbom(String... components) {
        return ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [" + String.join(",", components) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static final String LOG4J = "{\"type\": \"library\", \"bom-ref\": \"log4j\", \"group\": \"org.apache.logging.log4j\", \"name\": \"log4j-core\","
            + " \"version\": \"2.14.1\", \"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"}";
    static final String LODASH = "{\"type\": \"library\", \"bom-ref\": \"lodash\", \"name\": \"lodash\", \"version\": \"4.17.20\", \"purl\": \"pkg:npm/lodash@4.17.20\"}";
    static final String HOSTILE = "{\"type\": \"library\", \"bom-ref\": \"x\", \"name\": \"<script>alert('component')</script>\", \"version\": \"1\\\"><i>v</i>\","
            + " \"purl\": \"pkg:npm/hostile@1.0.0\"}";

    @Test
    void theOpenApiDocumentDescribesEveryApiMapping() throws Exception {
        HttpResponse<String> r = api().get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> missing = new ArrayList<>();
        Set<String> described = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) continue;
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    JsonNode op = doc.path("paths").path(pattern).path(m.name().toLowerCase(Locale.ROOT));
                    if (op.isMissingNode()) missing.add(m + " " + pattern);
                    else described.add(m + " " + pattern);
                }
            }
        }
        System.out.println("OpenAPI: " + described.size() + " operations described, " + missing.size() + " missing");
        assertThat(missing).as("API mappings missing from openapi.json").isEmpty();
        assertThat(described).contains("GET /api/v1/findings", "GET /api/v1/findings/{id}", "POST /api/v1/assets/{id}/sboms", "GET /api/v1/dashboard");
        // and nothing described that does not exist
        Set<String> mapped = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(i -> i.getPatternValues().forEach(mapped::add));
        doc.path("paths").fieldNames().forEachRemaining(p -> assertThat(mapped).as("described path exists").contains(p));
    }

    /** Issue 12: no 404 for the favicon on any page — a static file anyone may fetch, linked from every page's head. */
    @Test
    void theFaviconIsServedToAnyoneAndLinkedFromThePages() throws Exception {
        java.net.http.HttpResponse<byte[]> icon = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/favicon.ico")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).containsAnyOf("image/x-icon", "image/vnd.microsoft.icon");
        assertThat(icon.body()).as("an ICO file").startsWith(0, 0, 1, 0);
        String login = HttpSessionClient.browser(base).get("/login").body();
        assertThat(login).contains("<link rel=\"icon\" href=\"/favicon.ico\"").contains("<title>サインイン | Mamori</title>")
                .contains("<link rel=\"stylesheet\" href=\"/css/mamori.css\">").as("the sign-in page loads no script").doesNotContain("<script");
        assertThat(page.get("/findings").body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
        HttpResponse<String> missing = page.get("/assets/987654");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).as("the error page: the same plain head").contains("<link rel=\"icon\" href=\"/favicon.ico\"")
                .contains("<title>404 ").contains(" | Mamori</title>").doesNotContain("<script");
    }

    @Test
    void apiErrorsAreJson() throws Exception {
        HttpResponse<String> r = api().get("/api/v1/findings/987654");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("not_found");
        assertThat(JSON.readTree(r.body()).path("status").asInt()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).has("message")).as("no message without one").isFalse();
        r = api().get("/api/v1/no-such-thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("application/json");
        assertThat(JSON.readTree(r.body()).path("status").asInt()).isEqualTo(404);
        r = api().get("/api/v1/findings?sort=sideways");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("bad_request");
        r = api().get("/api/v1/findings/not-a-number");
        assertThat(r.statusCode()).isEqualTo(400);
        // the list's parameters, bound once for the page and the API: one that does not convert is a bad parameter
        for (String bad : List.of("system=abc", "asset=1.5", "page=x", "size=many")) {
            r = api().get("/api/v1/findings?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).as(bad).isEqualTo("リクエストの値が不正です / bad request parameter");
            assertThat(page.get("/findings?" + bad).statusCode()).as(bad).isEqualTo(400);
        }
        // ... and only the query binds them: a request header of a parameter's name changes nothing
        r = api().get("/api/v1/findings?size=1", "Page", "1");
        assertThat(JSON.readTree(r.body()).path("page").asInt()).isZero();
        r = api().get("/api/v1/findings", "Size", "1");
        assertThat(JSON.readTree(r.body()).path("size").asInt()).isEqualTo(50);
        r = api().upload("/api/v1/assets/" + assetId + "/sboms", "broken.cdx.json", "{\"bomFormat\": \"CycloneDX\", ".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("broken.cdx.json");
        assertThat(page.get("/findings/987654").statusCode()).isEqualTo(404);
        // issue 18.10: a page number past every limit is the last page, never a 500 (the offset overflowed)
        r = api().get("/api/v1/findings?page=2147483647&size=100");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("page").asInt()).isLessThan(1000);
        assertThat(page.get("/findings?page=2147483647").statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/sboms/1?page=2147483647").statusCode()).isIn(200, 404);
    }

    @Test
    void hostileNamesAreEscapedAndPagesCarryNoInlineScriptOrStyle() throws Exception {
        String file = "x\"><img src=x onerror=alert(1)>.cdx.json";
        HttpResponse<String> up = api().upload("/api/v1/assets/" + otherAssetId + "/sboms", file, sbom(LOG4J, HOSTILE));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        long sbomId = JSON.readTree(up.body()).path("sbom").path("id").asLong();
        List<String> pages = List.of("/", "/findings?state=all&candidates=any", "/assets", "/assets/" + otherAssetId, "/sboms/" + sbomId,
                "/systems", "/feeds", "/vulnerabilities/CVE-2021-44228", "/vulnerabilities");
        for (String p : pages) {
            HttpResponse<String> r = page.get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(200);
            String html = r.body();
            assertThat(html).as(p).doesNotContain("<script>alert", "<b>太字", "<i>v</i>", " style=", "<img src=x").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
            assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'").doesNotContain("unsafe-inline");
        }
        assertThat(page.get("/sboms/" + sbomId).body()).contains("&lt;script&gt;alert(&#39;component&#39;)&lt;/script&gt;", "1&quot;&gt;&lt;i&gt;v&lt;/i&gt;");
        assertThat(page.get("/assets/" + otherAssetId).body()).contains("&lt;b&gt;太字&lt;/b&gt;サーバ", "x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.cdx.json");
    }

    @Test
    void japaneseByDefaultEnglishOnRequestAndRemembered() throws Exception {
        HttpSessionClient b = HttpSessionClient.browser(base);
        b.get("/login");
        b.postForm("/login", Map.of("username", "sysadmin", "password", PASSWORD));
        assertThat(b.get("/").body()).contains("<html lang=\"ja\"", "今すぐ対応");
        assertThat(b.get("/?lang=en").body()).contains("<html lang=\"en\"", "Act now");
        // issue 18.10: behind the TLS proxy (X-Forwarded-Proto from the trusted local proxy) the language cookie is Secure
        java.net.http.HttpResponse<String> tls = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/login?lang=en")).header("X-Forwarded-Proto", "https").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("mamori-lang="))
                .singleElement().satisfies(c -> assertThat(c).contains("; Secure"));
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/login?lang=en")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("mamori-lang=")).singleElement()
                .satisfies(c -> assertThat(c).doesNotContain("Secure"));
        assertThat(b.get("/findings").body()).contains("<html lang=\"en\"", "Findings");
        assertThat(b.get("/findings?lang=ja").body()).contains("<html lang=\"ja\"", "検出一覧");
        assertThat(b.get("/?lang=fr").body()).contains("<html lang=\"ja\"");
    }

    @Test
    void findingsAreFilteredSortedAndPagedInTheDatabase() throws Exception {
        HttpResponse<String> up = api().upload("/api/v1/assets/" + assetId + "/sboms", "two.cdx.json", sbom(LOG4J, LODASH));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        JsonNode all = JSON.readTree(api().get("/api/v1/findings?asset=" + assetId).body());
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("vulnId").asText()).isEqualTo("CVE-2021-44228");
        JsonNode second = JSON.readTree(api().get("/api/v1/findings?asset=" + assetId + "&size=1&page=1").body());
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("pages").asInt()).isEqualTo(2);
        assertThat(second.path("items").get(0).path("vulnId").asText()).isNotEqualTo("CVE-2021-44228");
        JsonNode reversed = JSON.readTree(api().get("/api/v1/findings?asset=" + assetId + "&sort=priority&dir=reverse").body());
        assertThat(reversed.path("items").get(1).path("vulnId").asText()).isEqualTo("CVE-2021-44228");
        JsonNode searched = JSON.readTree(api().get("/api/v1/findings?asset=" + assetId + "&q=LODASH").body());
        assertThat(searched.path("total").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(api().get("/api/v1/findings?asset=" + assetId + "&severity=critical").body()).path("total").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(api().get("/api/v1/findings?asset=" + assetId + "&q=%25").body()).path("total").asInt()).isZero();
        long id = all.path("items").get(0).path("id").asLong();
        JsonNode detail = JSON.readTree(api().get("/api/v1/findings/" + id).body());
        assertThat(detail.path("evidence").path("ssvc").path("rule").asText()).contains("cisa_coordinator");
        assertThat(detail.path("cvssAll").size()).isPositive();
        assertThat(detail.path("history").get(0).path("kind").asText()).isEqualTo("detected");
        assertThat(detail.has("decision")).isTrue();
        String html = page.get("/findings?asset=" + assetId + "&size=1").body();
        assertThat(html).contains("rel=\"next\"", "検出 2件（1/2ページ）");
        String detailHtml = page.get("/findings/" + id).body();
        assertThat(detailHtml).contains("対応判断・回避策", "id=\"decision\"", "cisa_coordinator")
                .containsPattern("<strong>(悪用確認|PoCあり|なし)（(active|poc|none)）</strong>").containsPattern("<strong>(自動化可能|自動化不可)（(yes|no)）</strong>");
        assertThat(page.get("/assets/" + assetId).body()).containsPattern("class=\"badge o-[a-z]+\">(Act|Attend|Track\\*|Track) \\d+<");
    }
}
