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
 * Japanese message and nothing stored); the officer approves the vendor's answers; the officer
 * registers a vendor, an IR partner and a contract on their forms (a wrong check digit and a taken code
 * refused with the form kept) and sets an information system's own cell of the role matrix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnersBrowserTest {

    static final String NEW_PASSWORD = "Mamori-Partners-Browser-2026!";

    private static DemoSite site;
    private static ChromeDriver driver;
    private static Organization org;
    private static Mamori mamori;
    private static String officerSecret;
    private static String signedIn;

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
        // still signed in as this user: a second sign-in within the same TOTP step would be refused as a replay
        if (username.equals(signedIn) && !driver.manage().getCookies().isEmpty()) return;
        signedIn = null;
        if (totp && officerSecret != null) {
            site.signInWithTotp(username, NEW_PASSWORD, officerSecret);
            signedIn = username;
            return;
        }
        site.signOut();
        site.firstSignIn(username, NEW_PASSWORD);
        if (totp) officerSecret = site.enrolTotp();
        signedIn = username;
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

    /** Types into a field after clearing it. */
    private static void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** A date field takes its value as the form sends it (typing depends on the browser's locale). */
    private static void setDate(WebElement field, java.time.LocalDate date) {
        driver.executeScript("arguments[0].value = arguments[1]", field, date.toString());
    }

    private static void submit(String formId) {
        driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    @Test
    @Order(4)
    void theOfficerRegistersAVendorAnIrPartnerAndAContractOnTheirForms() throws Exception {
        signIn("sec-officer", true);
        site.open("/partners/vendors");
        driver.findElement(By.id("new-vendor")).click();
        site.waitUp().until(d -> site.path().equals("/partners/vendors/new"));
        // a wrong check digit: refused with the expected digit, what was typed kept, nothing stored
        type("name", "Gネットワークス株式会社");
        type("corporateNumber", "6000012050002");
        new Select(driver.findElement(By.id("kind"))).selectByValue("maintenance");
        type("hotline", "03-0000-7777");
        submit("vendor-form");
        WebElement problems = site.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("チェックデジット");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Gネットワークス株式会社");
        assertThat(mamori.vendors().find(org.id(), "Gネットワークス株式会社")).isEmpty();
        type("corporateNumber", "7000012050002");
        submit("vendor-form");
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "事業者を登録しました"));
        assertThat(driver.findElement(By.id("vendors")).getText()).contains("Gネットワークス株式会社", "7000012050002", "03-0000-7777");

        // an IR partner: kind IR with its service-list registration and call order
        site.open("/partners/vendors/new");
        type("name", "Hセキュリティ株式会社");
        new Select(driver.findElement(By.id("kind"))).selectByValue("ir");
        type("hotline", "0120-000-808");
        new Select(driver.findElement(By.id("serviceCategory"))).selectByValue("forensics");
        type("registrationNumber", "IPA-DF-0456");
        type("callOrder", "2");
        setDate(driver.findElement(By.id("registrationValidUntil")), mamori.today().plusYears(1));
        submit("vendor-form");
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "事業者を登録しました"));
        jp.mamori.partners.Vendor ir = mamori.vendors().find(org.id(), "Hセキュリティ株式会社").orElseThrow();
        assertThat(ir.ir()).isTrue();
        assertThat(ir.registrationNumber()).isEqualTo("IPA-DF-0456");
        assertThat(ir.callOrder()).isEqualTo(2);
        site.open("/partners/contact");
        assertThat(driver.findElement(By.id("contacts")).getText()).contains("Hセキュリティ株式会社", "0120-000-808");

        // a contract for the resident records system: a code already taken is refused with the form kept
        site.open("/partners/contracts/new");
        type("code", "GW-MAINT-2026");
        type("title", "住民記録システム保守");
        new Select(driver.findElement(By.id("vendor"))).selectByVisibleText("Gネットワークス株式会社");
        driver.findElement(By.cssSelector("#systems input[value='juki']")).click();
        submit("contract-form");
        assertThat(site.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("problems"))).getText()).contains("登録済みです");
        assertThat(driver.findElement(By.cssSelector("#systems input[value='juki']")).isSelected()).as("the form comes back as entered").isTrue();
        type("code", "JUKI-MAINT-2026");
        driver.findElement(By.id("coversNetworkDevices")).click();
        submit("contract-form");
        site.waitUp().until(d -> site.path().equals("/partners/contracts/JUKI-MAINT-2026"));
        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).contains("契約を登録しました");
        jp.mamori.partners.Contract k = mamori.contracts().require(org.id(), "JUKI-MAINT-2026");
        assertThat(k.vendorName()).isEqualTo("Gネットワークス株式会社");
        assertThat(mamori.audit().list(org.id(), false, null, 30)).anyMatch(e -> e.action().equals("contract.saved") && e.actor().equals("sec-officer"));
        site.screenshot("mamori-partners-contract-form.png");
    }

    @Test
    @Order(5)
    void theOfficerChoosesASystemOnTheRoleMatrixAndSetsItsOwnCell() throws Exception {
        signIn("sec-officer", true);
        site.open("/partners/roles");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("インシデント時の体制表");
        new Select(driver.findElement(By.cssSelector("#system-select select[name=system]"))).selectByValue("juki");
        submit("system-select");
        site.waitUp().until(d -> site.path().equals("/partners/roles?system=juki"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("住民記録システム（juki）");
        assertThat(driver.findElement(By.id("system-note")).getText()).contains("個別の設定が 5 件");
        assertThat(driver.findElement(By.cssSelector("td[data-cell='detect/prefecture-cloud']")).getText()).contains("役割なし", "個別");
        assertThat(driver.findElement(By.id("drill-overdue")).getText()).contains("訓練期限切れ");

        // the system's evidence gap: the new IR partner is responsible for 証拠保全 on this system only
        assertThat(driver.findElement(By.id("system-gaps")).getText()).contains("「証拠保全」の実施責任者（R）がいません");
        new Select(driver.findElement(By.cssSelector("#assign select[name=phase]"))).selectByValue("evidence");
        new Select(driver.findElement(By.cssSelector("#assign select[name=party]"))).selectByValue("ir-partner");
        driver.findElement(By.cssSelector("#assign input[name=raci]")).sendKeys("R");
        new Select(driver.findElement(By.cssSelector("#assign select[name=vendor]"))).selectByValue("Hセキュリティ株式会社");
        submit("assign");
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "体制表を更新しました"));
        assertThat(site.path()).isEqualTo("/partners/roles?system=juki");
        assertThat(driver.findElement(By.cssSelector("td[data-cell='evidence/ir-partner']")).getText()).contains("R", "Hセキュリティ株式会社", "個別");
        assertThat(driver.findElement(By.id("system-gaps")).getText()).contains("空白はありません");
        assertThat(mamori.roles().matrix(org.id()).gaps()).as("the organisation's matrix keeps its gap").contains(jp.mamori.partners.Phase.EVIDENCE);

        // a drill of this system's roles clears its overdue mark
        setDate(driver.findElement(By.cssSelector("#drill input[name=date]")), mamori.today());
        driver.findElement(By.cssSelector("#drill input[name=title]")).sendKeys("住民記録の証拠保全訓練");
        submit("drill");
        site.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "訓練を記録しました"));
        assertThat(driver.findElement(By.id("drills")).getText()).contains("住民記録の証拠保全訓練");
        assertThat(driver.findElements(By.id("drill-overdue"))).isEmpty();
        assertThat(mamori.audit().list(org.id(), false, null, 30)).anyMatch(e -> e.action().equals("roles.system_assigned") && e.actor().equals("sec-officer"));

        // the readiness report names the system
        site.open("/partners/readiness");
        assertThat(row("system-roles").getText()).contains("住民記録システム（juki）", "空白なし");
        assertThat(row("system-roles").getAttribute("data-status")).as("the telework gateway's system still has gaps").isEqualTo("red");

        // another organisation's or an unknown system: a clear refusal, nothing shown
        site.open("/partners/roles?system=no-such");
        assertThat(site.mainText()).contains("情報システムが見つかりません");
        site.screenshot("mamori-partners-system-roles.png");
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
