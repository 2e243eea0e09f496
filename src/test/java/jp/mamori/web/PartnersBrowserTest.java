package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.ClauseAnswer;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

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

    private static DemoSite site;
    private static ChromeDriver driver;
    private static Organization org;
    private static Mamori mamori;
    private static String officerSecret;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSite.start("partners-browser");
        driver = site.driver;
        org = site.organization();
        mamori = site.mamori;
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    /** The officer enrols TOTP once and signs in with it after that; a vendor has a password only. */
    private static void signIn(String username, boolean totp) throws Exception {
        if (totp && officerSecret != null) {
            site.signInWithTotp(username, NEW_PASSWORD, officerSecret);
            return;
        }
        site.signOut();
        site.firstSignIn(username, NEW_PASSWORD);
        if (totp) officerSecret = site.enrolTotp();
    }

    @Test
    @Order(1)
    void theOfficerSeesTheGatewaysFlagOnTheDashboardAndIssuesTheReadinessReport() throws Exception {
        signIn("sec-officer", true);
        WebElement gateway = driver.findElements(By.cssSelector("#urgent tr.main-row")).stream()
                .filter(r -> r.getText().contains("CVE-2023-4966")).findFirst().orElseThrow();
        assertThat(gateway.findElement(By.cssSelector(".partner-flags")).getText())
                .contains("上限あり", "対象外機器", "GW-MAINT-2026", "Aテック株式会社");
        site.screenshot("mamori-partners-dashboard.png");

        // one click to whom to call
        driver.findElement(By.id("contact-link")).click();
        site.waitUp().until(d -> site.path().equals("/partners/contact"));
        WebElement first = driver.findElement(By.cssSelector("#contacts tbody tr"));
        assertThat(first.getText()).contains("Eフォレンジック株式会社", "0120-000-119", "期限間近");

        // the readiness report, issued
        site.open("/partners/readiness");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("準備状況レポート", "守里市");
        driver.findElement(By.cssSelector("#issue button")).click();
        site.waitUp().until(ExpectedConditions.urlMatches(".*/partners/readiness/\\d+$"));
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
        assertThat(site.mainText()).contains("初回の発行です");
        // printable: the print stylesheet hides the navigation, served by Mamori itself
        assertThat(driver.findElements(By.cssSelector("link[rel=stylesheet]"))).allMatch(l -> l.getAttribute("href").startsWith(site.base));
        assertThat((Boolean) driver.executeScript("for (const s of document.styleSheets) for (const r of s.cssRules)"
                + " if (r.media && r.media.mediaText === 'print' && r.cssText.includes('main-nav')) return true; return false;")).isTrue();
        site.screenshot("mamori-readiness.png");
        assertThat(mamori.audit().list(org.id(), false, null, 20)).anyMatch(e -> e.action().equals("readiness.issued") && e.actor().equals("sec-officer"));
    }

    private static WebElement row(String key) {
        return driver.findElement(By.cssSelector("#readiness tr[data-key='" + key + "']"));
    }

    @Test
    @Order(2)
    void theVendorAnswersItsChecklistOnThePageAndThroughTheWorkbook() throws Exception {
        signIn("vendor-atech", false);
        site.open("/partners");
        assertThat(driver.findElement(By.id("contracts")).getText()).contains("GW-MAINT-2026", "FW-MAINT-2026");
        assertThat(driver.findElement(By.cssSelector("nav.main-nav")).getText()).doesNotContain("緊急連絡先");
        site.open("/partners/contracts/GW-MAINT-2026");
        new Select(driver.findElement(By.name("answer.subcontracting"))).selectByValue("present");
        driver.findElement(By.name("article.subcontracting")).sendKeys("第9条");
        driver.findElement(By.cssSelector("#answers button[type=submit]")).click();
        site.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
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
        WebElement problems = site.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("何も登録していません", "Excel ブック（.xlsx）ではありません");
        assertThat(mamori.contracts().answers(contractId).get("sbom").pending()).isFalse();

        // the returned workbook: the SBOM clause now present
        byte[] exported = ChecklistWorkbook.write(mamori.partners().view(mamori.contracts().require(org.id(), "GW-MAINT-2026"), mamori.today()));
        Path xlsx = dir.resolve("GW-MAINT-2026.xlsx");
        Files.write(xlsx, fill(exported, "sbom", "有", "仕様書 5.3（改定）", "リリースごとに CycloneDX 形式の SBOM を提出する。"));
        driver.findElement(By.id("file")).sendKeys(xlsx.toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "チェックリストを取り込みました"));
        assertThat(mamori.contracts().answers(contractId).get("sbom").proposedAnswer()).isEqualTo(Answer.PRESENT);
        assertThat(driver.findElements(By.id("approve"))).as("the vendor cannot approve").isEmpty();
        site.screenshot("mamori-vendor-checklist.png");
    }

    @Test
    @Order(3)
    void theOfficerApprovesAndTheFlagGoes() throws Exception {
        signIn("sec-officer", true);
        site.open("/partners/contracts/GW-MAINT-2026");
        assertThat(driver.findElement(By.id("flags")).getText()).contains("SBOM条項なし");
        driver.findElement(By.cssSelector("#approve button")).click();
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "承認しました"));
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
