package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An operator in headless Debian Chromium: logs in, prepares a campaign from the form (preview, test send), sends it
 * to a few hundred readers through the embedded SMTP server, pauses and resumes it, watches it reach 100% without a
 * reload, filters the log to failures, reads the outbox, then the archive and its feed as a reader would. Screenshots
 * go to target/screenshots/admin-*.png. Skipped when chromium or chromedriver is not installed.
 */
class AdminBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String TOKEN = "browser-test-admin-token-42";
    private static final int READERS = 300;

    @TempDir
    Path dir;
    TestServer server;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromium-driver are not installed");
        server = new TestServer(dir, 0, Map.of("smtp.host", "embedded", "smtp.port", "0", "admin.token", TOKEN,
            "delivery.rate", "40", "base.url", "http://127.0.0.1:8080", "newsletter.name", "Mailroom Weekly"));
        Readers.add(server.app, READERS);
        refusedReaders(3);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1200, 900));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void an_operator_prepares_sends_steers_and_follows_a_campaign_and_a_reader_finds_it_in_the_archive() throws Exception {
        logIn();
        prepareAndSend();
        pauseAndResume();
        watchItFinish();
        filterTheLogToFailures();
        readTheOutbox();
        readTheArchive();
    }

    @Test
    void a_wrong_token_and_a_form_from_another_site_are_refused() throws Exception {
        browser.get(server.url("/admin"));
        browser.findElement(By.id("token")).sendKeys("guessing");
        go(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not right");
        screenshot("admin-0-wrong-token");
        logIn();
        // A page elsewhere (here a file) that posts to the operator's pause button: no cookie goes along, and it is refused.
        Path evil = Files.writeString(dir.resolve("evil.html"), "<form method=post action='" + server.url("/admin/campaigns/1/pause")
            + "'><input name=csrf value=guess><button id=go>Win a prize</button></form>");
        browser.get(evil.toUri().toString());
        go(By.id("go"));
        assertThat(browser.getPageSource()).containsAnyOf("cross-site request refused", "log in first");
        screenshot("admin-0-cross-site-refused");
    }

    private void logIn() throws Exception {
        browser.get(server.url("/admin"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        screenshot("admin-1-login");
        go(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Campaigns");
    }

    private void prepareAndSend() throws Exception {
        go(By.linkText("New campaign"));
        browser.findElement(By.id("file")).sendKeys(Path.of("examples/sample-issue.md").toAbsolutePath().toString());
        go(By.id("preview-button"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Mailroom Weekly 42");
        assertThat(browser.findElement(By.id("preview")).getAttribute("sandbox")).isEmpty();
        assertThat(browser.findElement(By.id("text")).getText()).contains("Mailroom Weekly");
        browser.switchTo().frame(browser.findElement(By.id("preview")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("borrow");
        browser.switchTo().defaultContent();
        screenshot("admin-2-preview");
        browser.findElement(By.id("to")).sendKeys("editor@example.org");
        go(By.id("test-button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Test sent to editor@example.org", "250");
        screenshot("admin-3-test-sent");
        go(By.id("send-button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mailroom Weekly 42");
    }

    private void pauseAndResume() throws Exception {
        go(By.id("pause"));
        assertThat(browser.findElement(By.cssSelector("[data-field=status]")).getText()).isEqualTo("paused");
        screenshot("admin-4-paused");
        go(By.id("resume"));
        assertThat(browser.findElement(By.cssSelector("[data-field=status]")).getText()).isIn("sending", "finished");
    }

    /** The list is loaded once; a mark left in the page proves the figures changed by the script, not by a reload. */
    private void watchItFinish() throws Exception {
        go(By.linkText("Campaigns"));
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.mark = 'loaded once'");
        WebElement percent = browser.findElement(By.cssSelector("tr[data-campaign] [data-field=percent]"));
        int first = Integer.parseInt(percent.getText());
        screenshot("admin-5-campaigns-sending");
        // 100% comes before "finished": the last outcomes are recorded before the campaign is closed, a poll or more apart
        WebElement status = browser.findElement(By.cssSelector("tr[data-campaign] [data-field=status]"));
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(b -> percent.getText().equals("100") && status.getText().equals("finished"));
        assertThat(first).as("the page was opened mid-campaign").isLessThan(100);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-mark")).isEqualTo("loaded once");
        screenshot("admin-6-campaigns-finished");
        browser.manage().window().setSize(new Dimension(1000, 620));
        screenshot("admin-dashboard");  // the README's picture (docs/admin.png) is a copy of this one
        browser.manage().window().setSize(new Dimension(1200, 900));
        go(By.cssSelector("tr[data-campaign] a"));
        assertThat(browser.findElement(By.cssSelector("svg.chart rect.bar")).isDisplayed()).isTrue();
        screenshot("admin-7-campaign-chart");
    }

    private void filterTheLogToFailures() throws Exception {
        go(By.linkText("Delivery log"));
        new Select(browser.findElement(By.id("outcome"))).selectByValue("failed");
        go(By.id("filter"));
        var outcomes = browser.findElements(By.cssSelector("#log td.outcome"));
        assertThat(outcomes).hasSize(3).allSatisfy(td -> assertThat(td.getText()).isEqualTo("failed"));
        assertThat(browser.findElement(By.cssSelector("#log td.reply")).getText()).contains("address contains a space");
        screenshot("admin-8-log-failures");
    }

    private void readTheOutbox() throws Exception {
        go(By.linkText("Outbox"));
        assertThat(browser.findElements(By.cssSelector("#outbox tbody tr"))).hasSizeGreaterThanOrEqualTo(READERS);
        screenshot("admin-9-outbox");
        go(By.cssSelector("#outbox tbody a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Mailroom Weekly 42");
        browser.switchTo().frame(browser.findElement(By.id("message-html")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("borrow");
        browser.switchTo().defaultContent();
        screenshot("admin-10-outbox-message");
        go(By.id("raw"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Delivered-To:", "MIME-Version: 1.0");
    }

    private void readTheArchive() throws Exception {
        browser.get(server.url("/archive"));
        screenshot("admin-11-archive");
        go(By.linkText("Mailroom Weekly 42"));
        assertThat(browser.getCurrentUrl()).endsWith("/archive/42");
        assertThat(browser.getPageSource()).doesNotContain("/unsubscribe/");
        screenshot("admin-12-archive-issue");
        browser.get(server.url("/archive/feed.xml"));
        assertThat(browser.getPageSource()).contains("http://www.w3.org/2005/Atom", "http://127.0.0.1:8080/archive/42");
        screenshot("admin-13-feed");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.url("/archive"));
        assertThat(browser.findElement(By.tagName("h1")).getSize().getWidth()).as("the archive fits a phone").isLessThan(390);
        screenshot("admin-14-archive-phone");
        browser.get(server.url("/admin"));
        screenshot("admin-15-campaigns-phone");
    }

    /** Readers whose address cannot be put in a To: header: the campaign's failures, each with its reason in the log. */
    private void refusedReaders(int n) {
        server.app.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES (?, ?, 'confirmed', ?, ?)")) {
                var now = java.time.Instant.now().atOffset(java.time.ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    String e = "refused reader" + i + "@example.com";
                    ps.setString(1, e);
                    ps.setString(2, e);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Clicks and waits for the next page: a click returns before the browser has left the old one. */
    private void go(By what) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> gone(old));
    }

    /**
     * Whether an element of the page left behind is gone. Besides a stale reference, Chrome answers a question about
     * a node of a document it is just replacing with "Node with given id does not belong to the document", which
     * Selenium's stalenessOf does not take for stale (it failed this test once in a verify run).
     */
    private static boolean gone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
            throw e;
        }
    }

    private void screenshot(String name) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
