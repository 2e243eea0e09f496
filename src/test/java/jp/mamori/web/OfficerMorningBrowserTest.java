package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12's "done when", in a real headless Chromium on the demo's data: the security officer's
 * morning. The exploited boundary gateway (CVE-2023-4966) is on top with a deadline that is not years
 * past; the officer decides "mitigate now, patch by D"; the finding stays in the default list and on the
 * asset page as 回避策計画中 with D as its deadline; the post-compromise checklist is completed, and it
 * is still listed, now 回避策適用済み; every dashboard card equals the rows of the list it links to, before
 * and after; every step is in the audit log under the officer's name. Screenshots go to target/.
 */
class OfficerMorningBrowserTest {

    static final String NEW_PASSWORD = "Mamori-Officer-Morning-2026!";
    static final String GATEWAY_CVE = "CVE-2023-4966";
    static final String GATEWAY = "テレワーク用VPN/VDIゲートウェイ";

    private static Path dataDir;
    private static Database db;
    private static ConfigurableApplicationContext context;
    private static ChromeDriver driver;
    private static String base;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        dataDir = Files.createTempDirectory("mamori-officer-morning-");
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", dataDir.toString())).isZero();
        db = Database.open(DatabaseSettings.embedded(dataDir));
        users = new UserStore(db.dataSource(), new AuditLog(db.dataSource()), SecretBox.load(dataDir, Map.of()));
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

    @Test
    void theGatewayStaysListedFromTheDecisionToTheCompletedChecklistAndEveryCountAgrees() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate patchBy = today.plusDays(10);
        signInFirstTime("sec-officer");

        // 1. the dashboard: the exploited boundary gateway first, its deadline not years past
        open("/");
        WebElement top = driver.findElement(By.cssSelector("#urgent tbody tr.main-row"));
        assertThat(top.getText()).contains(GATEWAY_CVE).contains(GATEWAY);
        LocalDate shownDue = LocalDate.parse(top.findElement(By.cssSelector(".due time")).getAttribute("datetime"));
        assertThat(shownDue).as("a deadline the municipality can act on").isAfterOrEqualTo(today);
        assertThat(top.findElement(By.cssSelector(".due")).getAttribute("class")).doesNotContain("overdue");
        screenshot("officer-1-dashboard.png");
        cardsEqualTheirLists();

        // 2. the finding: decide "mitigate now, patch by D"
        open("/");
        driver.findElement(By.cssSelector("#urgent tbody tr.main-row th a")).click();
        waitUp().until(d -> path().startsWith("/findings/"));
        String findingPath = path().replaceFirst("#.*$", "");
        new Select(driver.findElement(By.id("dec-action"))).selectByValue("mitigate");
        driver.findElement(By.id("dec-reason")).sendKeys("直ちに回避策を適用し全セッションを切断する。" + patchBy + " までにパッチを適用する。");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("dec-until")), patchBy.toString());
        driver.findElement(By.id("dec-submit")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "判断を記録しました"));
        assertThat(summaryValue("状態")).isEqualTo("回避策計画中");
        assertThat(summaryDue()).as("D is the deadline in force").isEqualTo(patchBy);
        screenshot("officer-2-decided.png");

        // 3. still in the default list and on the asset page, labelled, with D as its deadline
        open("/findings");
        WebElement listed = gatewayRow(By.cssSelector("#findings tbody tr"));
        assertThat(listed.getText()).contains("回避策計画中");
        assertThat(listed.findElement(By.cssSelector(".due time")).getAttribute("datetime")).isEqualTo(patchBy.toString());
        open(findingPath);
        driver.findElement(By.cssSelector("section.summary a[href^='/assets/']")).click();
        waitUp().until(d -> path().startsWith("/assets/"));
        WebElement onAsset = gatewayRow(By.cssSelector("#asset-open-findings tbody tr"));
        assertThat(onAsset.getText()).contains("回避策計画中");
        assertThat(onAsset.findElement(By.cssSelector(".due time")).getAttribute("datetime")).isEqualTo(patchBy.toString());
        assertThat(driver.findElement(By.id("af-h")).isDisplayed()).isTrue();
        screenshot("officer-3-asset.png");
        open("/");
        assertThat(driver.findElement(By.cssSelector("#urgent tbody tr.main-row")).getText())
                .as("while its checklist is open the gateway keeps its place on top").contains(GATEWAY_CVE).contains("回避策計画中");
        cardsEqualTheirLists();

        // 4. the checklist: every item done, one form at a time (each submit reloads the page)
        open(findingPath);
        int items = driver.findElements(By.cssSelector("tr[id^='mitigation-']")).size();
        assertThat(items).as("the post-compromise checklist of a boundary device").isGreaterThanOrEqualTo(5);
        for (int done = 0; done < items; done++) {
            WebElement row = driver.findElements(By.cssSelector("tr[id^='mitigation-']")).stream()
                    .filter(r -> !r.findElement(By.cssSelector("td")).getText().startsWith("完了")).findFirst().orElseThrow();
            String rowId = row.getAttribute("id");
            new Select(row.findElement(By.cssSelector("select[name=status]"))).selectByValue("done");
            row.findElement(By.cssSelector("button[type=submit]")).click();
            waitUp().until(ExpectedConditions.stalenessOf(row));
            waitUp().until(d -> d.findElement(By.id(rowId)).findElement(By.cssSelector("td")).getText().startsWith("完了"));
        }
        assertThat(summaryValue("状態")).isEqualTo("回避策適用済み");
        assertThat(summaryDue()).as("the patch is still owed by D").isEqualTo(patchBy);
        screenshot("officer-4-checklist-done.png");

        // 5. still listed, now mitigated; still on the urgent list; counts still agree
        open("/findings");
        assertThat(gatewayRow(By.cssSelector("#findings tbody tr")).getText()).contains("回避策適用済み");
        open("/");
        assertThat(driver.findElements(By.cssSelector("#urgent tbody tr.main-row")).stream().map(WebElement::getText)
                .filter(t -> t.contains(GATEWAY_CVE) && t.contains(GATEWAY)).toList()).as("the patch is still owed").hasSize(1);
        screenshot("officer-5-dashboard-after.png");
        cardsEqualTheirLists();

        // 6. every step in the audit log, as the officer's, and on the audit page
        List<AuditEvent> events = new AuditLog(db.dataSource()).list(null, true, null, 500);
        assertThat(events.stream().filter(e -> e.action().equals("finding.decided") && e.actor().equals("sec-officer")).toList())
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("until=" + patchBy).contains("via=web"));
        assertThat(events.stream().filter(e -> e.action().equals("finding.mitigation_updated") && e.actor().equals("sec-officer")).count())
                .as("one entry per checklist item").isEqualTo(items);
        assertThat(events.stream().filter(e -> e.action().equals("finding.decided") && e.actor().equals("mamori-demo")).toList())
                .as("the demo's own decision, under the demo's name").hasSize(1);
        open("/audit");
        String audit = driver.findElement(By.id("audit")).getText();
        assertThat(audit).contains("finding.decided").contains("finding.mitigation_updated").contains("sec-officer");
        screenshot("officer-6-audit.png");
    }

    /** Every card's number is the number of rows of the list it links to (all rows on one page). */
    private static void cardsEqualTheirLists() {
        open("/");
        Map<String, String> hrefs = new LinkedHashMap<>();
        Map<String, Long> cards = new LinkedHashMap<>();
        for (WebElement a : driver.findElements(By.cssSelector("ul.cards a[id^='card-']"))) {
            hrefs.put(a.getAttribute("id"), a.getAttribute("href"));
            cards.put(a.getAttribute("id"), Long.parseLong(a.findElement(By.cssSelector(".card-n")).getText().trim()));
        }
        assertThat(cards).containsKeys("card-act", "card-attend", "card-overdue", "card-open", "card-boundary-act");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : hrefs.entrySet()) {
            driver.get(e.getValue() + (e.getValue().contains("?") ? "&" : "?") + "size=200");
            rows.put(e.getKey(), (long) driver.findElements(By.cssSelector("#findings tbody tr")).size());
        }
        assertThat(rows).as("dashboard cards = rows of the lists they link to").isEqualTo(cards);
    }

    private static WebElement gatewayRow(By rows) {
        return driver.findElements(rows).stream().filter(r -> r.getText().contains(GATEWAY_CVE) && (r.getText().contains(GATEWAY)
                || path().startsWith("/assets/"))).findFirst().orElseThrow(() -> new AssertionError("no gateway row on " + path()));
    }

    private static String summaryValue(String label) {
        return driver.findElement(By.xpath("//section[contains(@class,'summary')]//dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
                .getText().trim();
    }

    private static LocalDate summaryDue() {
        return LocalDate.parse(driver.findElement(By.xpath("//section[contains(@class,'summary')]//dt[normalize-space()='対応期限']"
                + "/following-sibling::dd[1]//time")).getAttribute("datetime"));
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

    /** One-time password, forced change, TOTP enrolment: the officer's first sign-in. */
    private static void signInFirstTime(String username) throws Exception {
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
        waitUp().until(ExpectedConditions.urlContains("/account/totp"));
        String secret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) - 1));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));
    }

    private static void screenshot(String name) throws Exception {
        Path png = Path.of("target", name);
        Files.createDirectories(png.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + png.toAbsolutePath());
    }
}
