package nl.loket.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * A real headless Chromium for the resident-page tests: Debian's chromium and chromium-driver,
 * a fresh profile, nothing downloaded (Selenium Manager is never asked, the paths are given).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;
    private final Path profile;
    private static String axeSource;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("loket-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=nl");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        viewport(1280, 900, 1);
    }

    WebDriverWait waiting() {
        return nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(20));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The CSS viewport (width × height at this device scale), as a phone or a zoomed browser has it. */
    void viewport(int width, int height, double scale) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", scale, "mobile", width < 600));
    }

    /** True when the page needs no sideways scrolling (WCAG 1.4.10 reflow). */
    boolean fitsWidth() {
        Number scroll = (Number) js("return document.documentElement.scrollWidth;");
        Number inner = (Number) js("return window.innerWidth;");
        return scroll.intValue() <= inner.intValue();
    }

    /** A PNG of the whole page at the given width, written to {@code file}. */
    void screenshot(Path file, int width) {
        viewport(width, 900, 1);
        for (int pass = 0; pass < 2; pass++) { // a taller viewport can make the page taller (vh units)
            Number height = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
            viewport(width, Math.max(600, height.intValue()), 1);
        }
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        viewport(1280, 900, 1);
    }

    /** Runs {@link #axe()} on the current page and fails with axe's findings when it has any ({@code page} names it). */
    void assertNoAxeViolations(String page) {
        tools.jackson.databind.JsonNode result = tools.jackson.databind.json.JsonMapper.builder().build().readTree(axe());
        org.assertj.core.api.Assertions.assertThat(result.has("error")).as("axe ran on " + page + ": " + result).isFalse();
        org.assertj.core.api.Assertions.assertThat(result.get("violations").size())
                .as("axe violations on " + page + ": " + result.get("violations")).isZero();
    }

    /** axe-core on the current page, WCAG 2.0/2.1 A and AA rules only; the JSON of its findings. */
    String axe() {
        js(axeSource());
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                  .then(r => done(JSON.stringify({
                    version: axe.version,
                    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})),
                    passes: r.passes.length,
                    incomplete: r.incomplete.map(i => i.id)})))
                  .catch(e => done(JSON.stringify({error: String(e)})));
                """, WCAG_TAGS);
    }

    /** Console messages about a Content-Security-Policy violation since the last call. */
    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
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
