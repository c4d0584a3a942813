package org.mailroom.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.subscriber.EmailAddress;
import org.mailroom.subscriber.Status;
import org.mailroom.subscriber.Subscriber;
import org.mailroom.subscriber.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person in headless Debian Chromium subscribes, confirms from the email and later unsubscribes. Screenshots of
 * every page go to target/screenshots/ for review. Skipped when chromium or chromedriver is not installed.
 */
class ReaderBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    TestServer server;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromium-driver are not installed");
        server = new TestServer(dir, greenMail.getSmtp().getPort(), Map.of("newsletter.name", "This Week in Rust"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        // The driver path is given, so Selenium Manager has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1000, 800));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** After a click the old page can still be there: wait for the next page's heading instead of reading a stale one. */
    private void awaitHeading(String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(d -> expected.equals(d.findElement(By.tagName("h1")).getText()));
    }

    /** The same for the form's error: the page with the form is there before and after the click. */
    private WebElement awaitAlert() {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
    }

    @Test
    void a_person_subscribes_confirms_from_the_email_and_later_unsubscribes() throws Exception {
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Subscribe to This Week in Rust");
        browser.findElement(By.id("email")).sendKeys("ferris@example.org");
        browser.findElement(By.id("name")).sendKeys("Ferris <the crab>");
        screenshot("1-subscribe-form");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitHeading("Check your inbox");
        screenshot("2-check-your-inbox");

        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        Path email = Files.writeString(dir.resolve("confirmation.html"), TestServer.htmlPart(greenMail.getReceivedMessages()[0]));
        browser.get(email.toUri().toString());
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Hello Ferris <the crab>", "Confirm my subscription");
        screenshot("2b-confirmation-email");
        browser.get(server.url(TestServer.confirmPath(greenMail.getReceivedMessages()[0])));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are subscribed");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ferris@example.org");
        screenshot("3-subscribed");

        Subscriber s = server.app.subscribers().findByEmail(EmailAddress.parse("ferris@example.org")).orElseThrow();
        assertThat(s.status()).isEqualTo(Status.CONFIRMED);
        assertThat(s.name()).isEqualTo("Ferris <the crab>");
        browser.get(server.url("/unsubscribe/" + server.tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 1)));
        assertThat(browser.findElements(By.tagName("button"))).hasSize(1);
        screenshot("4-unsubscribe-page");
        browser.findElement(By.tagName("button")).click();
        awaitHeading("You are unsubscribed");
        screenshot("5-unsubscribed");
        assertThat(server.app.subscribers().findById(s.id()).orElseThrow().status()).isEqualTo(Status.UNSUBSCRIBED);
    }

    @Test
    void a_mistyped_address_and_a_broken_link_get_pages_that_say_what_to_do() throws Exception {
        browser.get(server.url("/"));
        browser.findElement(By.id("email")).sendKeys("ferris@localhost");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(awaitAlert().getText()).contains("has a domain without a dot");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("ferris@localhost");
        screenshot("6-form-error");
        browser.get(server.url("/confirm/AAAAAAAAAAEAAAAAawcP5RDXCUnCHQ3UllPpNy2YWy"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
        screenshot("7-invalid-link");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.id("email")).getSize().getWidth()).as("the form fits a phone").isLessThan(390);
        screenshot("8-subscribe-form-phone");
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)).isNotEmpty();
    }
}
