package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14 in a real headless Chromium on the demo's data: the security officer sees the gateway's
 * contract flags on the dashboard, reaches the incident contact list in one click and issues the
 * readiness report (red, amber and green rows with evidence, printable); the maintenance vendor
 * answers its checklist on the page and through the returned workbook (a bad file is refused with a
 * Japanese message and nothing stored); the officer approves the vendor's answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnersBrowserTest {

    static final String NEW_PASSWORD = "Mamori-Partners-Browser-2026!";

    private static Path dataDir;
    private static Database db;
    private static ConfigurableApplicationContext context;
    private static ChromeDriver driver;
    private static String base;
    private static UserStore users;
    private static Organization org;
    private static Mamori mamori;
    private static String officerSecret;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        dataDir = Files.createTempDirectory("mamori-partners-browser-");
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", dataDir.toString())).isZero();
        db = Database.open(DatabaseSettings.embedded(dataDir));
        users = new UserStore(db.dataSource(), new AuditLog(db.dataSource()), SecretBox.load(dataDir, Map.of()));
        org = new InventoryRepository(db.dataSource()).listOrganizations().get(0);
        mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
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

    private static String main() {
        return driver.findElement(By.id("main")).getText();
    }

    private static void signIn(String username, boolean totp) throws Exception {
        driver.manage().deleteAllCookies();
        if (totp && officerSecret != null) {
            open("/login");
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitUp().until(ExpectedConditions.urlContains("/login/totp"));
            waitForFreshStep();
            driver.findElement(By.id("code")).sendKeys(Totp.code(officerSecret, Totp.step(Instant.now())));
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitUp().until(d -> path().equals("/"));
            return;
        }
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
        if (!totp) return;
        waitUp().until(ExpectedConditions.urlContains("/account/totp"));
        officerSecret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
        waitForFreshStep();
        driver.findElement(By.id("code")).sendKeys(Totp.code(officerSecret, Totp.step(Instant.now()) - 1));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));
    }

    private static void waitForFreshStep() throws InterruptedException {
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
    }

    private static void screenshot(String name) throws Exception {
        Path png = Path.of("/tmp", name);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + png);
    }

    @Test
    @Order(1)
    void theOfficerSeesTheGatewaysFlagOnTheDashboardAndIssuesTheReadinessReport() throws Exception {
        signIn("sec-officer", true);
        WebElement gateway = driver.findElements(By.cssSelector("#urgent tr.main-row")).stream()
                .filter(r -> r.getText().contains("CVE-2023-4966")).findFirst().orElseThrow();
        assertThat(gateway.findElement(By.cssSelector(".partner-flags")).getText())
                .contains("上限あり", "対象外機器", "GW-MAINT-2026", "Aテック株式会社");
        screenshot("mamori-partners-dashboard.png");

        // one click to whom to call
        driver.findElement(By.id("contact-link")).click();
        waitUp().until(d -> path().equals("/partners/contact"));
        WebElement first = driver.findElement(By.cssSelector("#contacts tbody tr"));
        assertThat(first.getText()).contains("Eフォレンジック株式会社", "0120-000-119", "期限間近");

        // the readiness report, issued
        open("/partners/readiness");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("準備状況レポート", "守里市");
        driver.findElement(By.cssSelector("#issue button")).click();
        waitUp().until(ExpectedConditions.urlMatches(".*/partners/readiness/\\d+$"));
        assertThat(driver.findElement(By.id("issued")).getText()).contains("発行 #", "SHA-256", "改ざんなし");
        assertThat(row("contracts").getAttribute("data-status")).isEqualTo("red");
        assertThat(row("contracts").getText()).contains("上限あり", "年4回まで", "対象外機器", "vpn-gw-01");
        assertThat(row("boundary-patches").getText()).as("a mitigated gateway still owes its patch").contains("vpn-gw-01", "CVE-2023-4966", "fw-01");
        assertThat(row("roles").getAttribute("data-status")).isEqualTo("red");
        assertThat(row("roles").getText()).contains("証拠保全");
        assertThat(row("config-share").getAttribute("data-status")).isEqualTo("amber");
        assertThat(row("config-share").getText()).contains("200 日前");
        assertThat(row("nda").getAttribute("data-status")).isEqualTo("amber");
        assertThat(row("ir-partner").getAttribute("data-status")).isEqualTo("green");
        assertThat(main()).contains("初回の発行です");
        // printable: the print stylesheet hides the navigation, served by Mamori itself
        assertThat(driver.findElements(By.cssSelector("link[rel=stylesheet]"))).allMatch(l -> l.getAttribute("href").startsWith(base));
        assertThat((Boolean) driver.executeScript("for (const s of document.styleSheets) for (const r of s.cssRules)"
                + " if (r.media && r.media.mediaText === 'print' && r.cssText.includes('main-nav')) return true; return false;")).isTrue();
        screenshot("mamori-readiness.png");
        assertThat(mamori.audit().list(org.id(), false, null, 20)).anyMatch(e -> e.action().equals("readiness.issued") && e.actor().equals("sec-officer"));
    }

    private static WebElement row(String key) {
        return driver.findElement(By.cssSelector("#readiness tr[data-key='" + key + "']"));
    }

    @Test
    @Order(2)
    void theVendorAnswersItsChecklistOnThePageAndThroughTheWorkbook() throws Exception {
        signIn("vendor-atech", false);
        open("/partners");
        assertThat(driver.findElement(By.id("contracts")).getText()).contains("GW-MAINT-2026", "FW-MAINT-2026");
        assertThat(driver.findElement(By.cssSelector("nav.main-nav")).getText()).doesNotContain("緊急連絡先");
        open("/partners/contracts/GW-MAINT-2026");
        new Select(driver.findElement(By.name("answer.subcontracting"))).selectByValue("present");
        driver.findElement(By.name("article.subcontracting")).sendKeys("第9条");
        driver.findElement(By.cssSelector("#answers button[type=submit]")).click();
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).contains("承認待ち");
        long contractId = mamori.contracts().require(org.id(), "GW-MAINT-2026").id();
        ClauseAnswer sub = mamori.contracts().answers(contractId).get("subcontracting");
        assertThat(sub.pending()).isTrue();
        assertThat(sub.proposedBy()).isEqualTo("vendor-atech");
        assertThat(sub.answer()).as("not counted before approval").isNull();
        assertThat(mamori.contracts().answers(contractId).get("sbom").pending()).as("only the changed item was sent").isFalse();

        // a file that is not a workbook: a Japanese message, nothing stored
        Path dir = Files.createTempDirectory("mamori-partners-upload-");
        Path csv = dir.resolve("checklist.xlsx");
        Files.writeString(csv, "項目キー,回答\nsbom,有\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(csv.toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        WebElement problems = waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("何も登録していません", "Excel ブック（.xlsx）ではありません");
        assertThat(mamori.contracts().answers(contractId).get("sbom").pending()).isFalse();

        // the returned workbook: the SBOM clause now present
        byte[] exported = ChecklistWorkbook.write(mamori.partners().view(mamori.contracts().require(org.id(), "GW-MAINT-2026"), mamori.today()));
        Path xlsx = dir.resolve("GW-MAINT-2026.xlsx");
        Files.write(xlsx, fill(exported, "sbom", "有", "仕様書 5.3（改定）", "リリースごとに CycloneDX 形式の SBOM を提出する。"));
        driver.findElement(By.id("file")).sendKeys(xlsx.toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "チェックリストを取り込みました"));
        assertThat(mamori.contracts().answers(contractId).get("sbom").proposedAnswer()).isEqualTo(Answer.PRESENT);
        assertThat(driver.findElements(By.id("approve"))).as("the vendor cannot approve").isEmpty();
        screenshot("mamori-vendor-checklist.png");
    }

    @Test
    @Order(3)
    void theOfficerApprovesAndTheFlagGoes() throws Exception {
        signIn("sec-officer", true);
        open("/partners/contracts/GW-MAINT-2026");
        assertThat(driver.findElement(By.id("flags")).getText()).contains("SBOM条項なし");
        driver.findElement(By.cssSelector("#approve button")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "承認しました"));
        assertThat(driver.findElement(By.id("flags")).getText()).doesNotContain("SBOM条項なし").contains("上限あり");
        long contractId = mamori.contracts().require(org.id(), "GW-MAINT-2026").id();
        assertThat(mamori.contracts().answers(contractId).get("sbom").reviewedBy()).isEqualTo("sec-officer");
    }

    static byte[] fill(byte[] xlsx, String key, String answer, String article, String text) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            for (Row r : s) {
                if (r.getCell(0) == null || !key.equals(r.getCell(0).getStringCellValue())) continue;
                List<String> v = List.of(answer, article, text);
                for (int i = 0; i < 3; i++) {
                    int col = 5 + i;
                    if (r.getCell(col) == null) r.createCell(col);
                    r.getCell(col).setCellValue(v.get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
