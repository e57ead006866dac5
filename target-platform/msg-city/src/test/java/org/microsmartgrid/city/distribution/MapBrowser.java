package org.microsmartgrid.city.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver (both installed by .ci/run): a language, an emulated
 * position, axe-core injected from the test resources, screenshots. No download of drivers or browsers.
 */
final class MapBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("msg.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("msg.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final String base;

    private MapBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser profile whose preferred language is {@code lang} (it or en), at a desktop size. */
    static MapBrowser open(String base, String lang) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=" + lang, "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--metrics-recording-only");
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new MapBrowser(d, base);
    }

    /** Grants geolocation to the city's origin and sets the position the browser reports. */
    void position(double lat, double lon) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon, "accuracy", 20));
    }

    /** A phone's screen (390 × 844 CSS pixels, touch) or back to the desktop window. */
    void phone(boolean on) {
        if (on) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    void get(String path) {
        driver.get(base + path);
    }

    <T> T until(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, CityWithModules.WAIT).withMessage(() -> what + "\n--- the page then:\n" + pageText())
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Taps the first point of the list (again if a live update redrew the list in between). */
    void openFirstInList() {
        until("a tap on the first point", d -> {
            d.findElement(By.cssSelector("#results .item")).click();
            return true;
        });
    }

    /** What the citizen saw (for a failure's message). */
    String pageText() {
        try {
            return String.valueOf(driver.executeScript("return document.body.innerText;"));
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The names in the list of nearest points, top to bottom (read in one step: live updates redraw the list). */
    @SuppressWarnings("unchecked")
    List<String> listedNames() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#results .item-name')].map(e => e.textContent);");
    }

    /** The visible text of the list entry of the named point ("" if it is not listed), read in one step. */
    String entry(String name) {
        return (String) driver.executeScript("const b = [...document.querySelectorAll('#results .item')]"
                + ".find(e => e.querySelector('.item-name').textContent === arguments[0]);"
                + "return b ? b.innerText.replace(/\\s+/g, ' ') : '';", name);
    }

    String active() {
        WebElement e = driver.switchTo().activeElement();
        String id = e.getAttribute("id");
        return e.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id) + " " + e.getText().replace('\n', ' ');
    }

    /** axe-core (test resource) on the page: the serious and critical violations, as readable lines. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        String axe;
        try (InputStream in = MapBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
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

    /** Writes a screenshot of the viewport to docs/screenshots/NAME.png (shown in the README). */
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
