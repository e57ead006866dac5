package org.microsmartgrid.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The city's map page in Debian's headless Chromium (chromium-driver), in Italian, at an emulated position. */
final class MapPage {
    private MapPage() {
    }

    /** Opens /map/ as someone at (lat, lon), waits for the list of nearest points, saves a screenshot. */
    @SuppressWarnings("unchecked")
    static List<String> namesListedNear(int port, double lat, double lon, Path screenshot) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("msg.chromium", "/usr/bin/chromium"));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=it", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync");
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("msg.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        try {
            String base = "http://127.0.0.1:" + port;
            driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
            driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon, "accuracy", 20));
            driver.get(base + "/map/");
            List<String> names = new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
                List<String> n = (List<String>) driver.executeScript(
                        "return [...document.querySelectorAll('#results .item-name')].map(e => e.textContent);");
                return n.size() >= 4 ? n : null;
            });
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
            return names;
        } finally {
            driver.quit();
        }
    }
}
