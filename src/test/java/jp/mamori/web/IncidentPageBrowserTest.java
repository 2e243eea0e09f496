package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.mamori.detection.sample.SyntheticLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The incident page in a real Chromium on the demo (issue 15): the security officer sees the
 * dashboard's 「不正アクセスの疑い」 card, the three hijacked users as three incidents, opens one,
 * reads its timeline with the evidence lines and the gateway's vulnerability, and marks it
 * contained with a note that appears in the page's record.
 */
class IncidentPageBrowserTest {

    static final String NEW_PASSWORD = "Mamori-Incident-Browser-2026!";

    private static DemoSite site;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSite.start("incident-browser");
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    @Test
    void theOfficerReadsAnIncidentsEvidenceAndMarksItContained() throws Exception {
        site.firstSignInWithTotp("sec-officer", NEW_PASSWORD);
        assertThat(site.driver.findElements(By.id("incident-card"))).as("the dashboard card while an incident is open").isNotEmpty();

        site.open("/incidents");
        List<WebElement> rows = site.driver.findElements(By.cssSelector("#incidents tbody tr"));
        assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(2).getText())
                .containsExactlyInAnyOrderElementsOf(SyntheticLogs.HIJACKED);
        rows.get(0).findElement(By.cssSelector("th a")).click();
        site.waitUp().until(d -> site.path().matches("/incidents/\\d+"));

        String main = site.mainText();
        assertThat(main).contains("CVE-2023-4966");
        assertThat(site.driver.findElement(By.id("affected-users")).getText()).isIn(SyntheticLogs.HIJACKED);
        assertThat(site.driver.findElement(By.id("affected-addresses")).getText()).containsAnyOf(SyntheticLogs.ATTACKERS.toArray(String[]::new));
        List<WebElement> timeline = site.driver.findElements(By.cssSelector("#timeline > li"));
        assertThat(timeline).hasSizeGreaterThanOrEqualTo(2);
        assertThat(site.driver.findElement(By.id("timeline")).getText()).as("evidence as file:line").containsPattern("\\.log:\\d+");
        assertThat(site.driver.findElements(By.cssSelector("#checklist li"))).isNotEmpty();

        new Select(site.driver.findElement(By.id("state"))).selectByValue("contained");
        site.driver.findElement(By.id("note")).sendKeys("全セッションを切断し、パスワードを再設定した");
        site.driver.findElement(By.cssSelector("#state-form button[type=submit]")).click();
        site.waitUp().until(ExpectedConditions.textToBe(By.id("incident-state"), "封じ込め済み"));
        assertThat(site.driver.findElement(By.cssSelector("p.notice.ok")).getText()).contains("封じ込め済み");
        assertThat(site.driver.findElement(By.id("history")).getText()).contains("全セッションを切断し、パスワードを再設定した");
        site.screenshot("incident-contained.png");
    }
}
