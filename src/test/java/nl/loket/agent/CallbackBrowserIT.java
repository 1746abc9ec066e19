package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.Axe;
import nl.loket.support.Chromium;
import nl.loket.support.HandoffIntegrationTest;
import nl.loket.support.SteppedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.Filter;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Call-backs in a real headless Chromium, with a clock the test sets (nothing waits on real time): an agent proposes
 * times to a phone resident with the keyboard only on the task page, and a chat resident who got a proposal picks a
 * time with a button on the chat page, after which the task page shows the call-back. Both pages are axe-clean and
 * break no Content-Security-Policy. Own application context (its own clock and fallback queue), closed afterwards.
 * Skipped when Debian's chromium is not installed.
 */
@Import(CallbackBrowserIT.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CallbackBrowserIT extends HandoffIntegrationTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** A Tuesday 09:00 in a week no other run books slots in (CallbackIT books in the years before). */
    static final ZonedDateTime T0 = CallbackIT.ordinaryTuesday(ZonedDateTime.of(2091, 1, 2, 9, 0, 0, 0, AMSTERDAM));

    static final String CALLER = CallbackIT.CALLER;
    static final String QUEUE = "terugbellen-browser-it";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SteppedClock steppedClock() {
            return new SteppedClock(T0);
        }
    }

    @DynamicPropertySource
    static void callbackProperties(DynamicPropertyRegistry registry) {
        CallbackIT.callerOnItsOwnQueue(registry, QUEUE);
    }

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Chromium.installed(), "Debian chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("loket-chromium");
        driver = Chromium.start(profile);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAgentProposesTimesToAPhoneResidentWithTheKeyboard() {
        String resident = randomMobile();
        JsonNode accepted = body(postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","startedAt":"2026-11-29T10:15:00+01:00",
                 "endedAt":"2026-11-29T10:17:00+01:00","language":"nl",
                 "segments":[{"speaker":"RESIDENT","text":"Ik wil een medewerker spreken"}]}"""
                .formatted("call-" + UUID.randomUUID(), resident)));
        String conversationId = contacts.conversationByReference(accepted.get("reference").asString()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(task.channel()).isEqualTo(Channel.PHONE);
        assertThat(task.queue()).isEqualTo(QUEUE);

        // The agent logs in and takes the task from the queue: Tab to its "Pak op", Enter.
        login();
        tabUntil(e -> ("claim-" + task.id()).equals(e.getAttribute("data-focus-key")), "Pak op of " + task.reference());
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "Opgepakt door u"));
        assertThat(handoff.task(task.id()).claimedBy()).isEqualTo(CALLER);

        // The times to propose are listed above the button: three half hours, from an hour from now, today.
        String times = driver.findElement(By.cssSelector("#propose-callback")).findElement(By.xpath("..")).getText();
        assertThat(times).contains("Terugbellen").contains("De inwoner krijgt deze tijden")
                .contains(T0.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")));
        assertAxeClean();

        // "Tijden voorstellen" with the keyboard only.
        tabUntil(e -> "propose-callback".equals(e.getAttribute("id")), "Tijden voorstellen");
        assertThat(focused().getText()).isEqualTo("Tijden voorstellen");
        assertThat(focused().getAccessibleName()).isEqualTo("Tijden voorstellen");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "3 tijden gestuurd. De inwoner antwoordt met een nummer."));
        assertThat(driver.getCurrentUrl()).endsWith("/agent/tasks/" + task.id());
        assertThat(driver.findElement(By.id("task-status")).getText()).isEqualTo("Opgepakt door u");
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();

        // The phone resident gets the numbered list by SMS, not a call-back note.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> TWILIO.verify(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(resident, StandardCharsets.UTF_8)))
                .withRequestBody(containing(URLEncoder.encode("1. ", StandardCharsets.UTF_8)))));
    }

    @Test
    void aChatResidentPicksATimeWithAButtonAndTheTaskShowsTheCallBack() {
        // The resident asks for a person on the chat page.
        driver.get(url("/chat"));
        WebElement input = waitFor(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
        input.sendKeys("Ik wil een medewerker spreken", Keys.ENTER);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("handoff")));
        // Only once the page listens does the proposal arrive as a new message (not as one it had seen).
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
        String sessionId = (String) js("return JSON.parse(sessionStorage.getItem('loket.chat')).sessionId;");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, sessionId).orElseThrow().id())
                .orElseThrow();
        assertThat(task.queue()).isEqualTo(QUEUE);

        // The agent proposes times.
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null).statusCode()).isEqualTo(200);
        List<String> choices = new ArrayList<>();
        for (JsonNode m : chatMessagesOf(sessionId)) {
            if (m.has("choices")) {
                m.get("choices").forEach(c -> choices.add(c.asString()));
            }
        }
        assertThat(choices).hasSize(3);

        // One button per time, under the agent's message, with the number and the time as its name.
        waitFor(d -> d.findElements(By.cssSelector(".loket-msg--agent .loket-choice")).size() == 3);
        assertButtons(choices);
        assertAxeClean();

        // A reload shows the conversation so far, the open times still as buttons.
        driver.navigate().refresh();
        waitFor(d -> d.findElements(By.cssSelector(".loket-msg--agent .loket-choice")).size() == 3);
        assertButtons(choices);
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();

        // The resident picks the second time with the keyboard: Tab to its button, Enter.
        tabUntil(e -> e.getText().equals("2. " + choices.get(1)), "the button of the second time");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("log"),
                "Wij bellen u terug op " + choices.get(1) + ". Uw kenmerk is " + task.reference() + "."));
        assertThat(driver.findElements(By.cssSelector(".loket-choice"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(focused().getAttribute("id")).as("the keyboard goes on from the input").isEqualTo("chat-input");
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();

        // The task waits for that time; its page says when to call.
        HandoffTask planned = handoff.task(task.id());
        assertThat(planned.callbackAt()).isNotNull();
        assertThat(planned.claimedBy()).isNull();
        String at = planned.callbackAt().atZoneSameInstant(AMSTERDAM).format(DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(choices.get(1)).endsWith("om " + at);
        login();
        assertThat(driver.findElement(By.cssSelector("tr[data-task-id='" + task.id() + "']")).getText())
                .contains("Terugbellen om " + at);
        driver.get(url("/agent/tasks/" + task.id()));
        assertThat(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("callback-planned"))).getText())
                .contains("Terugbellen om " + at);
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void aTimeButtonWhosePickDidNotGoThroughComesBackAndThePickIsSentOnce() throws IOException {
        driver.get(url("/chat"));
        WebElement input = waitFor(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
        input.sendKeys("Ik wil een medewerker spreken", Keys.ENTER);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("handoff")));
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
        String sessionId = (String) js("return JSON.parse(sessionStorage.getItem('loket.chat')).sessionId;");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, sessionId).orElseThrow().id())
                .orElseThrow();
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null).statusCode()).isEqualTo(200);
        waitFor(d -> d.findElements(By.cssSelector(".loket-msg--agent .loket-choice")).size() == 3);
        String second = driver.findElements(By.cssSelector(".loket-choice")).get(1).getText();
        String pickFailed = Files.readString(Path.of("prompts/chat-pick-failed.nl.txt"), StandardCharsets.UTF_8).strip();
        WebElement status = driver.findElement(By.id("status"));
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");

        // No network: the pick does not leave the browser. The buttons come back and the status says so.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/messages")));
        tabUntil(e -> e.getText().equals(second), "the button of the second time");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBe(By.id("status"), pickFailed));
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        assertChoicesEnabledAndFocusOn(second);
        assertAxeClean();

        // Loket answers 500, then 429: each time the buttons come back, the pick was never shown as sent.
        for (int failure : new int[] {500, 429}) {
            AtomicInteger refused = new AtomicInteger();
            try (NetworkInterceptor interceptor = new NetworkInterceptor(driver, (Filter) next -> request -> {
                if (request.getMethod() == HttpMethod.POST && request.getUri().endsWith("/messages")) {
                    refused.incrementAndGet();
                    return new org.openqa.selenium.remote.http.HttpResponse().setStatus(failure)
                            .addHeader("Content-Type", "application/problem+json").setContent(Contents.utf8String("{}"));
                }
                return next.execute(request);
            })) {
                keys(Keys.ENTER);
                waitFor(d -> refused.get() == 1 && !d.findElement(By.id("status")).getText().isEmpty()
                        && d.findElements(By.cssSelector(".loket-choice")).stream().allMatch(WebElement::isEnabled));
            }
            assertThat(status.getText()).as("after " + failure).isEqualTo(pickFailed);
            assertChoicesEnabledAndFocusOn(second);
        }
        assertThat(driver.findElements(By.cssSelector(".loket-msg--resident"))).as("only the first question")
                .hasSize(1);
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();

        // The network is back: Enter on the same button plans the call-back, and a second Enter right after sends nothing.
        keys(Keys.ENTER, Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Wij bellen u terug op"));
        assertThat(driver.findElements(By.cssSelector(".loket-choice"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(handoff.task(task.id()).callbackAt()).isNotNull();
        List<String> sent = new ArrayList<>();
        chatMessagesOf(sessionId).forEach(m -> {
            if ("resident".equals(m.get("author").asString())) {
                sent.add(m.get("text").asString());
            }
        });
        assertThat(sent).as("the pick is stored once").containsExactly("Ik wil een medewerker spreken", "2");
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void aChatResidentWhoAsksToBeCalledBackPicksATimeTheAssistantOfferedWithTheKeyboard() {
        driver.get(url("/chat"));
        WebElement input = waitFor(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
        input.sendKeys("Kunt u mij morgen terugbellen op 06 12345678?", Keys.ENTER);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("handoff")));

        // The assistant's reply lists the times and has a button per time under it.
        waitFor(d -> d.findElements(By.cssSelector(".loket-msg--assistant .loket-choice")).size() == 3);
        assertThat(driver.findElement(By.cssSelector(".loket-msg--assistant")).getText())
                .contains("Een collega van de gemeente belt u terug.");
        List<String> choices = driver.findElements(By.cssSelector(".loket-choice")).stream()
                .map(b -> b.getText().replaceFirst("^\\d\\. ", "")).toList();
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();

        tabUntil(e -> e.getText().equals("3. " + choices.get(2)), "the button of the third time");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Wij bellen u terug op " + choices.get(2)));
        String sessionId = (String) js("return JSON.parse(sessionStorage.getItem('loket.chat')).sessionId;");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, sessionId).orElseThrow().id())
                .orElseThrow();
        assertThat(task.callbackAt()).isNotNull();
        assertThat(task.callbackAt().atZoneSameInstant(AMSTERDAM).format(DateTimeFormatter.ofPattern("HH:mm")))
                .isEqualTo(choices.get(2).substring(choices.get(2).length() - 5));
        assertAxeClean();
        assertThat(cspViolations()).isEmpty();
    }

    // ---- helpers ----

    private void assertChoicesEnabledAndFocusOn(String button) {
        assertThat(driver.findElements(By.cssSelector(".loket-choice"))).hasSize(3)
                .allSatisfy(b -> assertThat(b.isEnabled()).isTrue());
        assertThat(focused().getText()).as("the keyboard can pick again at once").isEqualTo(button);
    }

    private void login() {
        driver.get(url("/agent"));
        waitFor(ExpectedConditions.urlContains("/agent/login"));
        driver.findElement(By.id("username")).sendKeys(CALLER);
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    }

    private JsonNode chatMessagesOf(String sessionId) {
        HttpResponse<String> r = get("/api/chat/sessions/" + sessionId + "/messages", "Authorization",
                "Bearer " + js("return JSON.parse(sessionStorage.getItem('loket.chat')).token;"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return body(r);
    }

    private void assertButtons(List<String> choices) {
        List<WebElement> buttons = driver.findElements(By.cssSelector(".loket-msg--agent .loket-choice"));
        for (int i = 0; i < choices.size(); i++) {
            WebElement b = buttons.get(i);
            assertThat(b.getTagName()).isEqualTo("button");
            assertThat(b.getAccessibleName()).isEqualTo((i + 1) + ". " + choices.get(i));
            assertThat(b.isEnabled()).isTrue();
        }
    }

    private void assertAxeClean() {
        assertThat(Axe.run(driver)).contains("\"violations\":[]");
    }

    /** Console messages about a Content-Security-Policy violation since the last call. */
    private List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return Chromium.waitOn(driver, Duration.ofSeconds(15)).until(condition);
    }

    private WebElement focused() {
        return Chromium.focused(driver);
    }

    private void keys(CharSequence... keys) {
        Chromium.keys(driver, keys);
    }

    /** Presses Tab until the focused element is the one wanted; fails after 300 presses. */
    private void tabUntil(Predicate<WebElement> wanted, String what) {
        Chromium.tabUntil(driver, wanted, what);
    }
}
