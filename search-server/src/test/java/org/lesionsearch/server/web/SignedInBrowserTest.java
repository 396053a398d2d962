package org.lesionsearch.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.auth.IssuedToken;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.ServerSecurity;
import org.lesionsearch.server.auth.TokenFile;
import org.lesionsearch.server.auth.TokenSecrets;
import org.lesionsearch.server.auth.TokenVerifier;
import org.lesionsearch.server.limits.RequestLimits;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page on a server with access tokens: it asks for a token, sends it with every request
 * (thumbnails too), and a teaching token's answers keep teaching mode on.
 */
class SignedInBrowserTest {

    @TempDir
    static Path dir;

    private static ApiServer server;
    private static Browser browser;
    private static String teachingToken;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.installed(), "browser tests skipped: " + Browser.CHROMIUM + " or " + Browser.DRIVER
                + " is missing (Debian packages chromium and chromium-driver; ./dev/setup --tests installs them)");
        TokenFile tokens = new TokenFile(dir.resolve("tokens.json"));
        IssuedToken teaching = new TokenSecrets(new SecureRandom()).issue("student", Role.TEACHING, null, Instant.now());
        tokens.update(existing -> List.of(teaching.stored()));
        teachingToken = teaching.bearer();
        ServerSecurity security = new ServerSecurity(TokenVerifier.load(tokens), null,
                RequestLimits.Settings.defaults().withRatePerSecond(0), null);
        server = ApiServer.create(SampleIndex.get().context(ServerConfig.defaults().withPort(0)), security).start();
        browser = new Browser(1280, 1000);
    }

    @org.junit.jupiter.api.AfterEach
    void noScriptErrors() {
        assertThat(browser.scriptErrors()).as("errors in the page's scripts").isEmpty();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTokenIsAskedForOnceAndATeachingTokenSeesPseudonymsOnly() throws Exception {
        browser.driver.get(server.baseUri() + "/#/search?q=");
        WebElement signin = browser.until(d -> d.findElement(By.id("signin")).isDisplayed() ? d.findElement(By.id("signin")) : null);
        assertThat(browser.driver.findElements(By.cssSelector("#results .card"))).isEmpty();

        signin.findElement(By.id("token")).sendKeys(teachingToken);
        signin.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> !d.findElements(By.cssSelector("#results .card")).isEmpty());
        assertThat(browser.driver.findElement(By.id("signin")).isDisplayed()).isFalse();
        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#results .card"));
        assertThat(cards).allSatisfy(c -> assertThat(c.getDomAttribute("data-id")).matches("L-[0-9a-f]{12}"));
        WebElement teaching = browser.driver.findElement(By.id("teaching"));
        assertThat(teaching.isSelected()).as("teaching mode follows the token's role").isTrue();
        assertThat(teaching.isEnabled()).isFalse();
        // thumbnails come with the token too
        browser.until(d -> (Boolean) browser.script(
                "const i = document.querySelector('#results .card img'); return i !== null && i.complete && i.naturalWidth === 128;"));
        browser.screenshot("signed-in-teaching.png");

        // the token is kept for the tab: a reload needs no new sign-in
        browser.driver.navigate().refresh();
        browser.until(d -> !d.findElements(By.cssSelector("#results .card")).isEmpty());
        assertThat(browser.driver.findElement(By.id("signin")).isDisplayed()).isFalse();
    }
}
