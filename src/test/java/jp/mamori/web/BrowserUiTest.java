package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The UI in a real headless Chromium, on the data {@code mamori demo} loads: the security officer
 * signs in (one-time password, forced change, TOTP enrolment) and sees the telework gateway's Act
 * finding first, in Japanese; an SBOM upload makes findings appear; hostile names are shown as
 * text; a vendor sees only its own assets. One server and one browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserUiTest {

    static final String NEW_PASSWORD = "Mamori-Browser-Test-2026!";
    static final String HOSTILE_FILE = "evil\"><img src=x onerror=alert(1)>.cdx.json";

    private static Path dataDir;
    private static Database db;
    private static ConfigurableApplicationContext context;
    private static ChromeDriver driver;
    private static String base;
    private static UserStore users;
    private static Organization org;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        dataDir = Files.createTempDirectory("mamori-browser-");
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", dataDir.toString())).isZero();
        db = Database.open(DatabaseSettings.embedded(dataDir));
        users = new UserStore(db.dataSource(), new AuditLog(db.dataSource()), SecretBox.load(dataDir, Map.of()));
        org = new InventoryRepository(db.dataSource()).listOrganizations().get(0);
        context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        driver = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (context != null) context.close();
        if (db != null) db.close();
    }

    private static WebDriverWait waitUp() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void open(String path) {
        driver.get(base + path);
    }

    private static String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    private static void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** Password (the one-time one), forced change; returns on the page after that. */
    private static void signInFirstTime(String username) {
        String oneTime = users.resetPassword(username, "browser-test");
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(oneTime);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(ExpectedConditions.urlContains("/account/password"));
        driver.findElement(By.id("current")).sendKeys(oneTime);
        driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> !path().startsWith("/account/password"));
    }

    private static void screenshot(String name) throws Exception {
        Path png = Path.of("/tmp", name);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + png);
    }

    @Test
    @Order(1)
    void theSecurityOfficerSignsInWithTotpAndSeesTheTeleworkGatewayFirstInJapanese() throws Exception {
        signInFirstTime("sec-officer");
        // a security officer must enrol TOTP before anything else
        waitUp().until(ExpectedConditions.urlContains("/account/totp"));
        String secret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) - 1));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));

        // the second sign-in asks for the TOTP code
        signOut();
        open("/login");
        driver.findElement(By.id("username")).sendKeys("sec-officer");
        driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(ExpectedConditions.urlContains("/login/totp"));
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("今すぐ対応");
        List<WebElement> rows = driver.findElements(By.cssSelector("#urgent tr.main-row"));
        assertThat(rows).isNotEmpty();
        WebElement first = rows.get(0);
        assertThat(first.getText()).as("an exploited boundary device comes first").contains("Act", "インターネット境界", "悪用確認");
        assertThat(first.findElement(By.cssSelector(".badge")).getAttribute("class")).contains("o-act");
        // the demo decided to mitigate the gateway now and patch by a date: it stays on the urgent list until patched
        WebElement gateway = rows.stream().filter(r -> r.getText().contains("CVE-2023-4966")).findFirst().orElseThrow();
        assertThat(gateway.getText()).contains("テレワーク用VPN/VDIゲートウェイ", "Act", "悪用確認");
        assertThat(driver.findElement(By.cssSelector(".card.o-act .card-n")).getText()).isNotEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("#urgent tr.why-row")).getText()).contains("理由", "CISA KEV");
        assertThat(driver.findElements(By.tagName("script"))).allMatch(s -> s.getAttribute("src").endsWith("/js/mamori.js"));
        screenshot("mamori-dashboard.png");

        // keyboard: the skip link comes first and moves to the content
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip");

        // the finding page: evidence, every CVSS with its source, SSVC inputs and the rule, history
        gateway.findElement(By.cssSelector("th a")).click();
        waitUp().until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));
        String page = driver.findElement(By.id("main")).getText();
        assertThat(page).contains("CVE-2023-4966", "なぜこの対応区分か", "SSVCの判定", "cisa_coordinator", "CVSS（すべての出典）", "判定に使用",
                "CISA KEV", "照合の根拠", "対応判断・回避策", "履歴");
        assertThat(driver.findElements(By.cssSelector("table.ssvc tbody tr"))).hasSize(5);
        screenshot("mamori-finding.png");
        driver.executeScript("document.getElementById('ssvc-h').scrollIntoView()");
        screenshot("mamori-finding-ssvc.png");

        // English on request, Japanese again after
        driver.findElement(By.cssSelector("a.lang")).click();
        waitUp().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("Why this outcome", "Decision and mitigation");
        driver.findElement(By.cssSelector("a.lang")).click();
        waitUp().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("ja"));
    }

    @Test
    @Order(2)
    void anUploadedSbomIsMatchedAtOnceAndHostileNamesAreShownAsText() throws Exception {
        long assetId = new InventoryRepository(db.dataSource()).requireAsset(org.id(), "bunsho-ap-01").id();
        Path dir = Files.createTempDirectory("mamori-upload-");
        Path file = dir.resolve(HOSTILE_FILE);
        try (var in = BrowserUiTest.class.getResourceAsStream("/web/hostile.cdx.json")) {
            Files.copy(in, file);
        }
        open("/assets/" + assetId);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("文書管理サーバ");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement result = waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-result")));
        assertThat(result.getText()).contains("SBOMを登録しました", "コンポーネント 2件");
        WebElement fileCell = driver.findElement(By.cssSelector("#sboms tbody tr td.file"));
        // the browser sends '"' as %22 in a multipart file name (HTML spec); the markup characters arrive as they are
        String sent = HOSTILE_FILE.replace("\"", "%22");
        assertThat(fileCell.getText()).isEqualTo(sent);
        assertNoInjectedMarkup();
        screenshot("mamori-asset.png");

        driver.findElement(By.id("asset-findings")).click();
        waitUp().until(ExpectedConditions.urlContains("/findings?asset="));
        assertThat(driver.findElement(By.id("findings")).getText()).contains("CVE-2021-44228", "log4j-core", "Act");
        screenshot("mamori-findings.png");

        open("/assets/" + assetId);
        driver.findElement(By.cssSelector("#sboms tbody tr th a")).click();
        waitUp().until(ExpectedConditions.urlContains("/sboms/"));
        assertThat(driver.findElement(By.id("components")).getText()).contains("<script>alert('xss-component')</script>", "1.0<b>bold</b>");
        assertNoInjectedMarkup();

        open("/audit");
        // the audit page labels the detail's fields ("ファイル: …"); the hostile name is shown as text
        assertThat(driver.findElement(By.id("audit")).getText()).contains("sbom.added", "ファイル: " + sent.substring(0, sent.indexOf(' ')));
        assertNoInjectedMarkup();
    }

    private static void assertNoInjectedMarkup() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main b"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).allMatch(s -> s.getAttribute("src").endsWith("/js/mamori.js"));
        assertThat(driver.getPageSource()).doesNotContain("<img src=\"x\"").doesNotContain("<script>alert");
    }

    @Test
    @Order(3)
    void aVendorSeesOnlyItsOwnAssets() {
        signOut();
        signInFirstTime("vendor-atech");
        waitUp().until(d -> path().equals("/"));
        open("/assets");
        String assets = driver.findElement(By.id("assets")).getText();
        assertThat(assets).contains("vpn-gw-01", "fw-01", "mail-relay-01").doesNotContain("juki-ap-01", "bunsho-ap-01", "shinsei-web-01");
        assertThat(driver.findElements(By.cssSelector("#assets tbody tr"))).hasSize(3);
        assertThat(driver.findElement(By.cssSelector("nav.main-nav")).getText()).doesNotContain("情報システム", "監査ログ", "利用者と役割");
        long juki = new InventoryRepository(db.dataSource()).requireAsset(org.id(), "juki-ap-01").id();
        open("/assets/" + juki);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("エラー");
        open("/findings?state=all&candidates=any");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("住民記録", "文書管理", "電子申請");
    }
}
