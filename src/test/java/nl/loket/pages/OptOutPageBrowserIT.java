package nl.loket.pages;

import nl.loket.contact.Identity;
import nl.loket.contact.OptOuts;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The e-mail opt-out page in headless Chromium: axe-core, keyboard only, no script needed, no CSP violations. */
class OptOutPageBrowserIT extends LoketIntegrationTest {

    static Browser browser;

    @Autowired OptOuts optOuts;

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
    void aResidentOptsOutWithTheKeyboard() {
        String email = "browser-" + UUID.randomUUID() + "@example.nl";
        browser.viewport(1280, 900, 1);
        browser.driver.get(url("/afmelden/" + optOuts.linkToken(Identity.email(email))));
        assertThat(browser.driver.findElement(By.id("text-nl")).getText()).contains("Klik dan op de knop");
        browser.assertNoAxeViolations("opt-out page");

        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("opt-out");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("text-nl")).getText().startsWith("U bent afgemeld"));
        assertThat(optOuts.optedOut(List.of(Identity.email(email)))).isTrue();
        browser.assertNoAxeViolations("opt-out page");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
