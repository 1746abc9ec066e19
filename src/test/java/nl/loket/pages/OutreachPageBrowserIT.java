package nl.loket.pages;

import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The supervisors' campaign page in headless Chromium: log in, make a campaign by pasting a CSV, see the dry run,
 * start it and see it done. axe-core (WCAG 2.1 A/AA) on the list, the dry run and the finished campaign; no
 * Content-Security-Policy violations.
 */
class OutreachPageBrowserIT extends HandoffIntegrationTest {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Browser.available(), "Browser tests skipped: chromium or chromedriver is missing");
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorMakesChecksAndStartsACampaign() {
        browser.viewport(1280, 900, 1);
        browser.driver.get(url("/agent/login"));
        browser.driver.findElement(By.id("username")).sendKeys("supervisor");
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        // the login is a form post: wait for the page it leads to, or the next address may overtake it
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/agent/login"));
        browser.driver.get(url("/agent/outreach"));
        browser.assertNoAxeViolations("list");

        browser.driver.findElement(By.id("name")).sendKeys("Browser");
        browser.driver.findElement(By.id("purpose")).sendKeys("Wijzen op een regeling.");
        browser.driver.findElement(By.id("templateNl")).sendKeys("Beste {name}, misschien heeft u recht op een regeling.");
        browser.driver.findElement(By.id("audienceCsv")).sendKeys("reference,phone,name\nb1," + randomMobile() + ",Anna\n");
        browser.driver.findElement(By.id("create")).click();
        shown("dry-run").click();
        assertThat(shown("would-send").getText()).as(browser.driver.getPageSource()).isEqualTo("1");
        browser.assertNoAxeViolations("dry run");

        shown("start").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("state")).getText().equals("DONE");
        });
        assertThat(browser.driver.findElement(By.id("sent")).getText()).isEqualTo("1");
        browser.assertNoAxeViolations("done");
        assertThat(browser.cspViolations()).isEmpty();
    }

    /** A form post navigates: wait for the next page's element instead of finding it on the old one. */
    private org.openqa.selenium.WebElement shown(String id) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
    }
}
