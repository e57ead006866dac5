package org.microsmartgrid.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, as in CommissioningPageIT) at a phone's size, logged
 * in to the host page with HTTP Basic from the address, preferring one language; axe-core from the test resources.
 */
final class HostBrowser implements AutoCloseable {
    final ChromeDriver driver;

    private HostBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    static HostBrowser open(int port, String user, String password, String lang) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("msg.chromium", "/usr/bin/chromium"));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,844", "--lang=" + lang, "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync");
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("msg.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        HostBrowser b = new HostBrowser(new ChromeDriver(service, o));
        b.driver.get("http://" + user + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20")
                + "@127.0.0.1:" + port + "/building/");
        b.await("the page ready", d -> "true".equals(d.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-ready")));
        return b;
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        // the page redraws its figures as live values arrive: an element found a moment ago may be gone, look again
        return new WebDriverWait(driver, Duration.ofSeconds(90)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    String text(String id) {
        return driver.findElement(org.openqa.selenium.By.id(id)).getText();
    }

    /** axe-core on the page: the serious and critical violations, as readable lines. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        String axe;
        try (InputStream in = HostBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).slice(0, 3)}))}))"
                        + ".catch(e => done({error: String(e)}));");
        if (result.get("error") != null) throw new AssertionError("axe-core failed: " + result.get("error"));
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact))
                serious.add(impact + " " + v.get("id") + ": " + v.get("help") + " " + v.get("nodes"));
        }
        return serious;
    }

    /** docs/screenshots/NAME.png (shown in docs/host-page.md and the README). */
    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("msg.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
