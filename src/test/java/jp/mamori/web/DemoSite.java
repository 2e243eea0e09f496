package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.cli.MamoriMain;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every browser test stands on: the data {@code mamori demo} loads, one server on a free port
 * of 127.0.0.1 and one headless Chromium, and the sign-in steps a real user goes through (one-time
 * password, forced change, TOTP enrolment, TOTP at the next sign-in). One per test class.
 */
final class DemoSite implements AutoCloseable {

    final Path dataDir;
    final Database db;
    final Mamori mamori;
    final UserStore users;
    final ChromeDriver driver;
    final String base;
    private final ConfigurableApplicationContext context;

    private DemoSite(Path dataDir, Database db, Mamori mamori, ConfigurableApplicationContext context, ChromeDriver driver) {
        this.dataDir = dataDir;
        this.db = db;
        this.mamori = mamori;
        this.users = new UserStore(db.dataSource(), mamori.audit(), SecretBox.load(dataDir, Map.of()));
        this.context = context;
        this.driver = driver;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Skips (visibly) without Debian's Chromium; otherwise loads the demo into a fresh directory and serves it. */
    static DemoSite start(String name) throws Exception {
        Chromium.assumeInstalled();
        Path dataDir = Files.createTempDirectory("mamori-" + name + "-");
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", dataDir.toString())).isZero();
        Database db = Database.open(DatabaseSettings.embedded(dataDir));
        Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
        ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
        return new DemoSite(dataDir, db, mamori, context, Chromium.start());
    }

    /** The demo's municipality (code 999999; the demo also creates a prefecture and a town, which sort before it). */
    Organization organization() {
        return mamori.inventory().findOrganization("999999").orElseThrow();
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The path (and query) of the page shown, without scheme and host. */
    String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    WebDriverWait waitUp() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** A one-time password from the administrator, then the forced change; returns on the page that follows. */
    void firstSignIn(String username, String newPassword) {
        String oneTime = users.resetPassword(username, "browser-test");
        submitLogin(username, oneTime);
        waitUp().until(ExpectedConditions.urlContains("/account/password"));
        driver.findElement(By.id("current")).sendKeys(oneTime);
        driver.findElement(By.id("password")).sendKeys(newPassword);
        driver.findElement(By.id("confirm")).sendKeys(newPassword);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> !path().startsWith("/account/password"));
    }

    /**
     * On the enrolment page a security officer is sent to: reads the secret, answers with the previous
     * step's code (so the next sign-in's current code is not a replay); returns the secret.
     */
    String enrolTotp() throws InterruptedException {
        waitUp().until(ExpectedConditions.urlContains("/account/totp"));
        String secret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
        waitForFreshStep();
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) - 1));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));
        return secret;
    }

    /** First sign-in of a user who must enrol TOTP: password change and enrolment; returns the secret. */
    String firstSignInWithTotp(String username, String newPassword) throws InterruptedException {
        firstSignIn(username, newPassword);
        return enrolTotp();
    }

    /** A later sign-in: password, then the TOTP code of the current step; lands on the dashboard. */
    void signInWithTotp(String username, String password, String secret) throws InterruptedException {
        signOut();
        submitLogin(username, password);
        waitUp().until(ExpectedConditions.urlContains("/login/totp"));
        waitForFreshStep();
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUp().until(d -> path().equals("/"));
    }

    private void submitLogin(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** A code typed in the last seconds of its step could expire on the way; wait for the next step then. */
    private static void waitForFreshStep() throws InterruptedException {
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
    }

    /** Saved under target/ for a human to look at; the path is printed. */
    void screenshot(String name) throws Exception {
        Path png = Path.of("target", "screenshots", name);
        Files.createDirectories(png.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + png.toAbsolutePath());
        System.out.println("english on " + name + ": " + new java.util.TreeSet<>(englishWords()));
    }

    /**
     * English words a Japanese reader sees on the page: words of four letters or more in the page's text,
     * leaving out what is data rather than the page's own words — elements marked {@code lang="en"} (a
     * description that has no Japanese text, a bilingual reason's English half), code and identifiers
     * ({@code code}, {@code kbd}, {@code samp}, CPE and purl strings, URLs, e-mail addresses, file names) and
     * the choices of a form's lists (user names).
     */
    private static final java.util.regex.Pattern ENGLISH_WORD = java.util.regex.Pattern.compile("(?<![\\w.-])[A-Za-z][a-z]{3,}(?![\\w-])");

    java.util.List<String> englishWords() {
        String text = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const body = document.body.cloneNode(true);"
                        + "body.querySelectorAll('[lang=en], code, kbd, samp, select, script, style, .sr-only').forEach(e => e.remove());"
                        + "return body.innerText;");
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String token : text.split("[\\s、。（）()「」：,;|\\[\\]]+")) {
            if (token.matches(".*(cpe:|pkg:|https?:|@|\\.(json|xml|log|csv|spdx|xlsx|gz)).*")) continue;
            java.util.regex.Matcher m = ENGLISH_WORD.matcher(token);
            while (m.find()) words.add(m.group());
        }
        return words;
    }

    @Override
    public void close() {
        driver.quit();
        context.close();
        db.close();
    }
}
