package nl.loket.insight;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium for the dashboard: a fresh profile, the driver given explicitly (Selenium
 * Manager never downloads anything), axe-core injected from the test resources.
 */
final class DashboardBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    DashboardBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("loket-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=nl");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    void login(String loginUrl, String user, String password) {
        driver.get(loginUrl);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    }

    void open(String url) {
        driver.get(url);
    }

    /** The HTTP status of the current page, from the browser's navigation timing. */
    int status() {
        return ((Number) js("return performance.getEntriesByType('navigation')[0].responseStatus;")).intValue();
    }

    void waitForCharts(int count) {
        waiting().until(d -> ((Number) js("return document.querySelectorAll('canvas[data-chart]').length === "
                + count + " && typeof Chart !== 'undefined' ? document.querySelectorAll('canvas[data-chart]').length"
                + " - Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => Chart.getChart(c)).length : 1;"))
                .intValue() == 0);
    }

    /** The numbers a chart draws, per dataset, as JSON. */
    String chartNumbers(String table) {
        return (String) js("return JSON.stringify(Chart.getChart(document.querySelector(\"canvas[data-table='" + table
                + "']\")).data.datasets.map(d => d.data));");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    void tabUntil(String attribute, String value) {
        nl.loket.support.Chromium.tabUntil(driver, attribute, value);
    }

    /** axe-core, WCAG 2.0/2.1 A and AA rules; the JSON of its findings. */
    String axe() {
        return nl.loket.support.Axe.run(driver);
    }

    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    /** A PNG of the whole page at this width. */
    void screenshot(Path file, int width) throws IOException {
        Number height = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.max(600, height.intValue()), "deviceScaleFactor", 1, "mobile", false));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebDriverWait waiting() {
        return nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
