package nl.loket.pages;

import nl.loket.contact.AgentTyping;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The resident pages in a real headless Chromium against the full application: chat, hand-off,
 * keyboard only, hostile input, the contact form, axe-core (WCAG 2.1 A/AA), 320 px and 200 % zoom,
 * CSP. Writes screenshots to target/screenshots and measurements to target/resident-pages-report.json.
 */
class ResidentPagesBrowserIT extends LoketIntegrationTest {

    static final Path SCREENSHOTS = nl.loket.support.Screenshots.DIR;
    static final Map<String, Object> REPORT = new TreeMap<>();
    static Browser browser;

    @Autowired ContactService contacts;
    @Autowired HandoffService handoffs;
    @Autowired AgentTyping typing;
    @Autowired ApplicationContext context;
    @Autowired JsonMapper json;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Browser.available(), "Browser tests skipped: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                + " is missing (Debian: apt-get install chromium chromium-driver)");
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/resident-pages-report.json"),
                    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(REPORT));
        }
    }

    @BeforeEach
    void freshPage() {
        browser.viewport(1280, 900, 1);
        browser.driver.get(url("/chat"));
        browser.js("sessionStorage.clear();");
        browser.driver.navigate().refresh();
        browser.cspViolations();
    }

    @Test
    void aQuestionGetsAnAnswerWithASourceLink() {
        assertNoAxeViolations("chat-empty");

        browser.find("#chat-input").sendKeys("Hoe vraag ik een paspoort aan?");
        browser.js("""
                window.__firstAnswerMs = null;
                const start = performance.now();
                new MutationObserver((m, o) => {
                  if (document.querySelector('.loket-msg--assistant')) { window.__firstAnswerMs = performance.now() - start; o.disconnect(); }
                }).observe(document.getElementById('log'), {childList: true});
                """);
        browser.find("#send").click();
        WebElement answer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".loket-msg--assistant")));
        REPORT.put("chat.timeToFirstAnswerMs", browser.js("return Math.round(window.__firstAnswerMs);"));

        assertThat(browser.find(".loket-msg--resident .loket-msg__author").getText()).isEqualTo("U:");
        assertThat(answer.findElement(By.cssSelector(".loket-msg__author")).getText()).isEqualTo("Assistent:");
        assertThat(answer.getAttribute("lang")).isEqualTo("nl");
        assertThat(answer.getText()).containsIgnoringCase("paspoort");
        WebElement source = answer.findElement(By.cssSelector("a.utrecht-link"));
        assertThat(source.getAttribute("href")).startsWith("https://");
        assertThat(browser.find("#log").getAttribute("role")).isEqualTo("log");
        assertThat(browser.find("#log").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.find("#human").isDisplayed()).isTrue();

        List<WebElement> related = answer.findElements(By.cssSelector("button.loket-related"));
        if (!related.isEmpty()) {
            String topic = related.get(0).getText();
            related.get(0).click();
            browser.waiting().until(d -> browser.all(".loket-msg--assistant").size() == 2);
            assertThat(browser.all(".loket-msg--resident").get(1).getText()).contains(topic);
        }
        assertNoAxeViolations("chat-after-answer");
        assertReflowsAndScreenshots("chat");
        recordPageWeight("chat");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void askingForAPersonShowsTheReferenceAndAgentRepliesArriveWhileThePageIsOpen() {
        browser.find("#human").click();
        WebElement handoff = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff")));
        assertThat(browser.find("#reference").getText()).matches("LK-[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(browser.find("#expected").getText()).startsWith("U krijgt binnen");
        assertThat(handoff.getText()).contains("Uw kenmerk:");
        assertThat(browser.find(".loket-msg--resident").getText()).contains("Ik wil een medewerker spreken");

        String sessionId = (String) browser.js("return JSON.parse(sessionStorage.getItem('loket.chat')).sessionId;");
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, sessionId).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.WAITING);
        assertThat(conversation.reference()).isEqualTo(browser.find("#reference").getText());

        // The page listens live; while it does, it does not look by itself for 30 s, so what appears below came
        // through the stream: first "Medewerker typt…", then the answer.
        browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
        HandoffTask task = handoffs.taskOfConversation(conversation.id()).orElseThrow();
        handoffs.claim(task.id(), "sanne");
        typing.typing(conversation.id());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Medewerker typt"));
        handoffs.reply(task.id(), "sanne", "Goedemiddag, ik ben Sanne. Ik help u verder.");
        WebElement agent = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".loket-msg--agent")));
        assertThat(agent.getText()).startsWith("Medewerker:").contains("ik ben Sanne");
        assertThat(agent.getAttribute("lang")).isEqualTo("nl");
        assertNoAxeViolations("chat-after-handoff");

        browser.find("#finish").click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("feedback-title");
        browser.find("#feedback-send").click();
        assertThat(browser.find("#feedback-error").isDisplayed()).isTrue();
        browser.find("input[name='score'][value='4']").click();
        browser.find("#remark").sendKeys("Snel geholpen");
        assertNoAxeViolations("chat-satisfaction-question");
        browser.find("#feedback-send").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-thanks"), "Dank u wel"));
        Conversation rated = contacts.conversation(conversation.id()).orElseThrow();
        assertThat(rated.satisfaction()).isEqualTo(4);
        assertThat(rated.satisfactionRemark()).isEqualTo("Snel geholpen");
    }

    @Test
    void theWholeChatWorksWithTabAndEnterOnly() {
        List<String> order = new ArrayList<>();
        WebElement lang = tabTo("lang-switch", order);
        assertThat(focusOutline()).as("visible focus on the language button").isNotEqualTo("none");
        lang.sendKeys(Keys.ENTER);
        assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("en");
        assertThat(browser.find("label[for='chat-input']").getText()).isEqualTo("Your question");

        WebElement input = tabTo("chat-input", order);
        input.sendKeys("How do I apply for a passport?");
        input.sendKeys(Keys.ENTER);
        WebElement answer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".loket-msg--assistant")));
        assertThat(answer.getText()).startsWith("Assistant:");
        assertThat(answer.getAttribute("lang")).isEqualTo("en");

        WebElement human = tabTo("human", order);
        assertThat(focusOutline()).as("visible focus on the hand-off button").isNotEqualTo("none");
        human.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff")));
        assertThat(browser.find("#handoff").getText()).contains("Your reference:");
        REPORT.put("chat.keyboardTabOrder", order);
    }

    @Test
    void hostileTextIsShownAsTextAndNeverRuns() {
        browser.js("window.__alerts = 0; window.alert = function () { window.__alerts++; };");
        String img = "<img src=x onerror=alert(1)>";
        String links = "<a href=\"javascript:alert(1)\">klik</a> [klik](javascript:alert(1)) javascript:alert(1)";
        for (String text : List.of(img, links)) {
            int before = browser.all(".loket-msg--assistant").size();
            browser.find("#chat-input").sendKeys(text);
            browser.find("#send").click();
            browser.waiting().until(d -> browser.all(".loket-msg--assistant").size() == before + 1);
        }
        assertSafe(img, links);
        assertThat(browser.js("return window.__alerts;")).isEqualTo(0L);

        // after a reload the conversation comes back from the API: still text only
        browser.driver.navigate().refresh();
        browser.waiting().until(d -> browser.all(".loket-msg--resident").size() == 2);
        assertSafe(img, links);
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void theContactFormShowsErrorsThenSendsAndCanBeHandedOff() {
        browser.driver.get(url("/contact"));
        assertNoAxeViolations("contact-empty");
        assertReflowsAndScreenshots("contact");
        recordPageWeight("contact");

        String small = (String) browser.js("return [...document.querySelectorAll('input:not([type=hidden]), textarea, button')]"
                + ".filter(e => e.getBoundingClientRect().height < 44)"
                + ".map(e => e.id + ' ' + e.getBoundingClientRect().height + ' ' + getComputedStyle(e).paddingTop + ' ' + getComputedStyle(e).minHeight).join('; ');");
        assertThat(small).as("controls smaller than 44 px (target size)").isEmpty();
        browser.find("#submit").click();
        WebElement summary = browser.find("#error-summary");
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(summary);
        assertThat(browser.driver.getTitle()).startsWith("Fout:");
        List<WebElement> summaryLinks = browser.all("#error-list a");
        assertThat(summaryLinks).extracting(a -> a.getAttribute("href").replaceAll(".*#", ""))
                .containsExactly("email", "message");
        assertThat(browser.find("#message").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#message").getAttribute("aria-describedby")).isEqualTo("message-error");
        assertThat(browser.find("#message-error").getText()).isEqualTo("Schrijf uw vraag of bericht.");
        assertNoAxeViolations("contact-with-errors");
        browser.screenshot(SCREENSHOTS.resolve("contact-errors-320.png"), 320);
        summaryLinks.get(1).click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("message");

        // A resident of its own: another test's resident may be with a person, and then a form joins that conversation.
        browser.find("#email").sendKeys("inwoner-" + java.util.UUID.randomUUID() + "@example.nl");
        browser.find("#message").sendKeys("Hoe vraag ik een paspoort aan?");
        browser.find("#submit").click();
        WebElement reference = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
        String ref = reference.getText();
        assertThat(ref).matches("LK-[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(browser.find("#answer").getText()).containsIgnoringCase("paspoort");
        assertThat(browser.find("#answer a").getAttribute("href")).startsWith("https://");
        assertNoAxeViolations("contact-confirmation");
        browser.screenshot(SCREENSHOTS.resolve("contact-confirmation-desktop.png"), 1280);

        browser.find("#not-helped").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "medewerker"));
        assertThat(browser.find("#reference").getText()).isEqualTo(ref);
        assertThat(browser.find("#expected").getText()).startsWith("U krijgt binnen");
        assertNoAxeViolations("contact-not-helped");
        assertThat(contacts.conversationByReference(ref).orElseThrow().state()).isEqualTo(ConversationState.WAITING);
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void theWidgetOpensTheChatInAFrameOnAnotherPage() {
        browser.driver.get(url("/widget-demo.html"));
        WebElement button = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("loket-widget-button")));
        assertThat(button.getText()).isEqualTo("Chat met de gemeente");
        button.click();
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
        WebElement frame = browser.find("#loket-widget-panel iframe");
        assertThat(frame.getAttribute("title")).isEqualTo("Chat met de gemeente");
        browser.driver.switchTo().frame(frame);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-input")));
        assertThat(browser.find("body").getAttribute("class")).contains("loket-embed");
        browser.find("#chat-input").sendKeys(Keys.ESCAPE);
        browser.driver.switchTo().defaultContent();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("loket-widget-panel")));
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(button);
        assertThat(browser.cspViolations()).isEmpty();
    }

    // ---- helpers ----

    private void assertSafe(String img, String links) {
        List<WebElement> mine = browser.all(".loket-msg--resident");
        assertThat(mine.get(0).getText()).contains(img);
        assertThat(mine.get(1).getText()).contains("javascript:alert(1)");
        assertThat(browser.all("#log img")).isEmpty();
        assertThat(browser.all("a[href^='javascript' i]")).isEmpty();
        assertThat(browser.all("#log a")).allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("http"));
    }

    private WebElement tabTo(String id, List<String> order) {
        for (int i = 0; i < 25; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement active = browser.driver.switchTo().activeElement();
            String activeId = active.getAttribute("id");
            order.add(activeId == null || activeId.isEmpty() ? active.getTagName() : activeId);
            if (id.equals(activeId)) {
                return active;
            }
        }
        throw new AssertionError("Tab never reached #" + id + "; focus went " + order);
    }

    private String focusOutline() {
        return (String) browser.js("return getComputedStyle(document.activeElement).outlineStyle;");
    }

    private void assertNoAxeViolations(String page) {
        JsonNode result = json.readTree(browser.axe());
        assertThat(result.has("error")).as("axe ran on " + page + ": " + result).isFalse();
        REPORT.put("axe.version", result.get("version").asString());
        REPORT.put("axe." + page, Map.of("violations", result.get("violations").size(),
                "passedRules", result.get("passes").asInt(), "incomplete", result.get("incomplete").toString()));
        assertThat(result.get("violations").size()).as("axe violations on " + page + ": " + result.get("violations"))
                .isZero();
    }

    private void assertReflowsAndScreenshots(String page) {
        browser.screenshot(SCREENSHOTS.resolve(page + "-desktop.png"), 1280);
        browser.viewport(320, 640, 1);
        assertThat(browser.fitsWidth()).as(page + " at 320 px needs no sideways scrolling").isTrue();
        browser.screenshot(SCREENSHOTS.resolve(page + "-320.png"), 320);
        browser.viewport(640, 450, 2); // a 1280 px screen at 200 % zoom
        assertThat(browser.fitsWidth()).as(page + " at 200 % zoom needs no sideways scrolling").isTrue();
        browser.viewport(1280, 900, 1);
    }

    private void recordPageWeight(String page) {
        String entries = (String) browser.js("""
                const nav = performance.getEntriesByType('navigation')[0];
                const res = performance.getEntriesByType('resource');
                const sum = (t, f) => res.filter(r => r.initiatorType === t || r.name.endsWith(t === 'script' ? '.js' : '.css'))
                    .filter(r => r.name.endsWith(t === 'script' ? '.js' : '.css'))
                    .reduce((a, r) => a + r[f], 0);
                return JSON.stringify({jsBytes: sum('script', 'decodedBodySize'), jsTransferBytes: sum('script', 'encodedBodySize'),
                    cssBytes: sum('link', 'decodedBodySize'), cssTransferBytes: sum('link', 'encodedBodySize'),
                    htmlBytes: nav.decodedBodySize, domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd)});
                """);
        REPORT.put("weight." + page, json.readTree(entries).toString());
    }
}
