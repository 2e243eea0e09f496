package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.inventory.Organization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

    private static DemoSite site;
    private static ChromeDriver driver;
    private static Organization org;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSite.start("browser");
        driver = site.driver;
        org = site.organization();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    @Test
    @Order(1)
    void theSecurityOfficerSignsInWithTotpAndSeesTheTeleworkGatewayFirstInJapanese() throws Exception {
        // a security officer must enrol TOTP before anything else
        String secret = site.firstSignInWithTotp("sec-officer", NEW_PASSWORD);

        // the second sign-in asks for the TOTP code
        site.signInWithTotp("sec-officer", NEW_PASSWORD, secret);

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
        site.screenshot("mamori-dashboard.png");

        // keyboard: the skip link comes first and moves to the content
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip");

        // the finding page: evidence, every CVSS with its source, SSVC inputs and the rule, history
        gateway.findElement(By.cssSelector("th a")).click();
        site.waitUp().until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));
        // the details below the summary are folded; the officer opens each section (its summary line)
        for (WebElement section : driver.findElements(By.cssSelector("#main details > summary"))) {
            if (section.isDisplayed() && section.findElement(By.xpath("..")).getAttribute("open") == null) section.click();
        }
        String page = driver.findElement(By.id("main")).getText();
        assertThat(page).contains("CVE-2023-4966", "なぜこの対応区分か", "SSVCの判定", "cisa_coordinator", "CVSS（すべての出典）", "判定に使用",
                "CISA KEV", "照合の根拠", "対応判断・回避策", "履歴");
        assertThat(driver.findElements(By.cssSelector("table.ssvc tbody tr"))).hasSize(5);
        site.screenshot("mamori-finding.png");
        driver.executeScript("document.getElementById('ssvc-h').scrollIntoView()");
        site.screenshot("mamori-finding-ssvc.png");

        // English on request, Japanese again after
        driver.findElement(By.cssSelector("a.lang")).click();
        site.waitUp().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("Why this outcome", "Decision and mitigation");
        driver.findElement(By.cssSelector("a.lang")).click();
        site.waitUp().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("ja"));
    }

    @Test
    @Order(2)
    void anUploadedSbomIsMatchedAtOnceAndHostileNamesAreShownAsText() throws Exception {
        long assetId = site.mamori.inventory().assets().require(org.id(), "bunsho-ap-01").id();
        Path dir = Files.createTempDirectory("mamori-upload-");
        Path file = dir.resolve(HOSTILE_FILE);
        try (var in = BrowserUiTest.class.getResourceAsStream("/web/hostile.cdx.json")) {
            Files.copy(in, file);
        }
        site.open("/assets/" + assetId);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("文書管理サーバ");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement result = site.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-result")));
        assertThat(result.getText()).contains("SBOMを登録しました", "コンポーネント 2件");
        WebElement fileCell = driver.findElement(By.cssSelector("#sboms tbody tr td.file"));
        // the browser sends '"' as %22 in a multipart file name (HTML spec); the markup characters arrive as they are
        String sent = HOSTILE_FILE.replace("\"", "%22");
        assertThat(fileCell.getText()).isEqualTo(sent);
        assertNoInjectedMarkup();
        site.screenshot("mamori-asset.png");

        driver.findElement(By.id("asset-findings")).click();
        site.waitUp().until(ExpectedConditions.urlContains("/findings?asset="));
        assertThat(driver.findElement(By.id("findings")).getText()).contains("CVE-2021-44228", "log4j-core", "Act");
        site.screenshot("mamori-findings.png");

        site.open("/assets/" + assetId);
        driver.findElement(By.cssSelector("#sboms tbody tr th a")).click();
        site.waitUp().until(ExpectedConditions.urlContains("/sboms/"));
        assertThat(driver.findElement(By.id("components")).getText()).contains("<script>alert('xss-component')</script>", "1.0<b>bold</b>");
        assertNoInjectedMarkup();

        site.open("/audit");
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
        site.signOut();
        site.firstSignIn("vendor-atech", NEW_PASSWORD);
        site.waitUp().until(d -> site.path().equals("/"));
        site.open("/assets");
        String assets = driver.findElement(By.id("assets")).getText();
        assertThat(assets).contains("vpn-gw-01", "fw-01", "mail-relay-01").doesNotContain("juki-ap-01", "bunsho-ap-01", "shinsei-web-01");
        assertThat(driver.findElements(By.cssSelector("#assets tbody tr"))).hasSize(3);
        assertThat(driver.findElement(By.cssSelector("nav.main-nav")).getText()).doesNotContain("情報システム", "監査ログ", "利用者と役割");
        long juki = site.mamori.inventory().assets().require(org.id(), "juki-ap-01").id();
        site.open("/assets/" + juki);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("エラー");
        site.open("/findings?state=all&candidates=any");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("住民記録", "文書管理", "電子申請");
    }
}
