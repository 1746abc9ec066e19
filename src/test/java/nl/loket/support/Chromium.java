package nl.loket.support;

import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;

/** Debian's headless Chromium for the workbench's browser tests, started the same way for each of them. */
public final class Chromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** The element that has the keyboard focus. */
    public static WebElement focused(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    /** Types as a keyboard user does, into whatever has the focus. */
    public static void keys(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element is the one wanted ({@code what} names it); fails after 300 presses. */
    public static void tabUntil(WebDriver driver, Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 300; i++) {
            keys(driver, Keys.TAB);
            if (wanted.test(focused(driver))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    /** Presses Tab until the focused element has the attribute value ("text": its visible text). */
    public static void tabUntil(WebDriver driver, String attribute, String value) {
        tabUntil(driver, e -> value.equals("text".equals(attribute) ? e.getText() : e.getAttribute(attribute)),
                "[" + attribute + "=" + value + "]");
    }

    /**
     * A wait for pages that re-render while it polls (live updates replace parts of them): an element found a moment
     * ago may be gone when it is read, which Chromium reports as a stale element or as "Node with given id does not
     * belong to the document". Both mean "not yet": the wait polls on, and when time runs out it fails with the last
     * such error as the cause.
     */
    public static WebDriverWait waitOn(WebDriver driver, Duration timeout) {
        return new LivePageWait(driver, timeout);
    }

    private static final class LivePageWait extends WebDriverWait {

        LivePageWait(WebDriver driver, Duration timeout) {
            super(driver, timeout, Duration.ofMillis(50));
            ignoring(StaleElementReferenceException.class);
            ignoring(ReplacedNodeException.class);
        }

        @Override
        public <V> V until(Function<? super WebDriver, V> condition) {
            return super.until(d -> {
                try {
                    return condition.apply(d);
                } catch (StaleElementReferenceException e) {
                    throw e;
                } catch (WebDriverException e) {
                    if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                        throw new ReplacedNodeException(e);
                    }
                    throw e;
                }
            });
        }
    }

    /** Chromium's other way of saying an element was replaced while it was being read. */
    private static final class ReplacedNodeException extends RuntimeException {
        ReplacedNodeException(WebDriverException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh headless browser with its own profile folder, Dutch, 1280×900, browser console logs kept. */
    public static ChromeDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=nl");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is given explicitly, so Selenium Manager never looks for (or downloads) one.
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
