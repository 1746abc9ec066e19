package nl.loket.pages;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.ContactService;
import nl.loket.contact.Message;
import nl.loket.handoff.Callbacks;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The page where a contact-form resident picks a call-back time, in headless Chromium: axe, keyboard only, no CSP issue. */
class CallbackPickPageBrowserIT extends LoketIntegrationTest {

    static Browser browser;

    @Autowired JsonMapper json;
    @Autowired ContactService contacts;
    @Autowired HandoffService handoff;
    @Autowired Callbacks callbacks;

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
    void aFormResidentPicksATimeWithTheKeyboard() {
        HttpResponse<String> sent = postJson("/api/forms/contact", json.writeValueAsString(Map.of(
                "message", "Ik wil graag een medewerker spreken over mijn aanvraag",
                "email", "kiezen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String conversationId = contacts.conversationByReference(json.readTree(sent.body()).get("reference").asString())
                .orElseThrow().id();
        HandoffTask task = await().atMost(Duration.ofSeconds(5))
                .until(() -> handoff.taskOfConversation(conversationId), java.util.Optional::isPresent).orElseThrow();
        List<java.time.OffsetDateTime> proposed = callbacks.propose(task.id(), "supervisor", true);
        assertThat(proposed).isNotEmpty();
        String text = contacts.messages(conversationId).stream().filter(m -> m.authorRole() == AuthorRole.AGENT)
                .map(Message::text).reduce((a, b) -> b).orElseThrow();
        Matcher link = Pattern.compile("/terugbellen/([A-Za-z0-9_-]{20,64})").matcher(text);
        assertThat(link.find()).as(text).isTrue();

        browser.viewport(1280, 900, 1);
        browser.driver.get(url("/terugbellen/" + link.group(1)));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kies een tijd om teruggebeld te worden");
        browser.assertNoAxeViolations("call-back page");

        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("keuze-1");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("answer")).getText().contains("Wij bellen u terug op"));
        assertThat(handoff.task(task.id()).callbackAt()).isNotNull();
        browser.assertNoAxeViolations("call-back page");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
