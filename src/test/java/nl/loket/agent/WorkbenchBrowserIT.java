package nl.loket.agent;

import nl.loket.contact.Resolution;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.support.Axe;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workbench in a real headless Chromium: a resident asks for a person in the chat, an agent logs in
 * through the login page, claims the task and sends a reply with the keyboard only, the resident reads
 * the reply through the chat API, and the agent closes the conversation. Saves the screenshots in
 * target/screenshots (copy them to docs/screenshots to refresh the docs). Skipped when Debian's chromium is not installed.
 */
class WorkbenchBrowserIT extends HandoffIntegrationTest {

    private static final Path SCREENSHOTS = nl.loket.support.Screenshots.DIR;
    private static final String AGENT = "agent0";   // loket.agents[0], a {noop} password (HandoffIntegrationTest)

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(nl.loket.support.Chromium.installed(), "Debian chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("loket-chromium");
        driver = nl.loket.support.Chromium.start(profile);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAgentClaimsRepliesAndClosesWithTheKeyboard() throws IOException {
        // Earlier tests in this JVM leave tasks behind; a supervisor clears them so the queue shows this story only.
        handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED))
                .forEach(t -> handoff.close(t.id(), "supervisor", "OTHER", true));
        escalatedChat("ik wil niet meer leven");
        escalatedChat("Ik ben echt boos, de medewerker aan de balie was onbeschoft");
        tolkcontactCall();
        sms(randomMobile(), "Ik wil een medewerker spreken over mijn aanslag");

        // The resident
        Chat chat = chat();
        JsonNode answer = say(chat, "Ik wil een medewerker spreken");
        assertThat(answer.get("outcome").asString()).isEqualTo("ESCALATED");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                .orElseThrow();

        // The agent logs in through the login page
        driver.get(url("/agent"));
        wait(ExpectedConditions.urlContains("/agent/login"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        driver.findElement(By.id("username")).sendKeys(AGENT);
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        assertThat(driver.getCurrentUrl()).matches(".*/agent(\\?continue)?$");

        // ... sees the task in the queue, most urgent first, with text labels
        WebElement row = driver.findElement(By.cssSelector("tr[data-task-id='" + task.id() + "']"));
        assertThat(row.getText()).contains(task.reference()).contains("Normaal").contains("Wil een medewerker")
                .contains("Chat").contains("Nederlands").contains("Wacht");
        assertThat(driver.findElement(By.id("queue-rows")).getText()).containsSubsequence("Spoed", "Hoog", "Normaal");
        assertThat(driver.findElement(By.id("queue-rows")).getText()).contains("Tolkcontact").contains("Sms");
        screenshot("agent-queue.png", false);

        // ... claims it with the keyboard: the skip link comes first, then Tab to the task's "Pak op" and Enter
        tab();
        assertThat(focused().getText()).isEqualTo("Naar de inhoud");
        tabUntil("data-focus-key", "claim-" + task.id());
        keys(Keys.ENTER);
        wait(ExpectedConditions.urlContains("/agent/tasks/" + task.id()));
        assertThat(handoff.task(task.id()).claimedBy()).isEqualTo(AGENT);
        assertThat(driver.findElement(By.id("task-status")).getText()).isEqualTo("Opgepakt door u");
        assertThat(driver.findElement(By.id("status")).getText()).contains("opgepakt");
        assertThat(driver.findElement(By.id("transcript")).getText()).contains("Inwoner").contains("Assistent")
                .contains("Ik wil een medewerker spreken");

        // ... types a reply and sends it, keyboard only
        String text = "Goedemiddag, u spreekt met de gemeente. Waarmee kan ik u helpen? " + UUID.randomUUID().toString().substring(0, 6);
        tabUntil("id", "reply");
        keys(text);
        tab();
        assertThat(focused().getAttribute("id")).isEqualTo("send");
        keys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Uw antwoord is opgeslagen"));
        WebElement last = driver.findElement(By.cssSelector("#transcript > li:last-child"));
        assertThat(last.getText()).contains("Medewerker").contains(text).contains("Bezorging:");
        screenshot("agent-conversation.png", true);

        // The resident reads the reply through the chat API
        JsonNode messages = chatMessages(chat);
        JsonNode reply = messages.get(messages.size() - 1);
        assertThat(reply.get("author").asString()).isEqualTo("agent");
        assertThat(reply.get("text").asString()).isEqualTo(text);

        // The agent closes with a resolution
        new Select(driver.findElement(By.id("resolution"))).selectByValue("ANSWERED");
        driver.findElement(By.id("close")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is afgesloten: Beantwoord"));
        assertThat(driver.findElements(By.cssSelector("tr[data-task-id='" + task.id() + "']"))).isEmpty();
        Conversation conversation = contacts.conversation(task.conversationId()).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(conversation.resolution()).isEqualTo(Resolution.ANSWERED);
        assertThat(handoff.task(task.id()).resolution()).isEqualTo(Resolution.ANSWERED);
    }

    @Test
    void anAgentHandsATaskToAnotherTeamWithANoteAndTheColleagueAnswersWithoutTheResidentRepeating() throws IOException {
        // The resident asks about a passport, then wants a person: a Burgerzaken task.
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        say(chat, "Ik wil een medewerker spreken");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                .orElseThrow();
        assertThat(task.team()).isEqualTo("burgerzaken");

        // Bas of Burgerzaken opens and claims it, then hands it to Belastingen with a note, keyboard only.
        login(BURGERZAKEN_AGENT);
        driver.get(url("/agent/tasks/" + task.id()));
        assertThat(driver.findElement(By.id("task-team")).getText()).isEqualTo("Burgerzaken");
        driver.findElement(By.cssSelector("form[action$='/claim'] button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "Opgepakt door u"));
        assertThat(Axe.run((JavascriptExecutor) driver)).contains("\"violations\":[]");
        tabUntil("id", "transfer-team");
        keys("Bel");
        assertThat(new Select(driver.findElement(By.id("transfer-team"))).getFirstSelectedOption().getText()).isEqualTo("Belastingen");
        tabUntil("id", "transfer-note");
        keys("Het gaat eigenlijk om de WOZ-beschikking van haar nieuwe huis.");
        tab();
        assertThat(focused().getAttribute("id")).isEqualTo("transfer");
        screenshot("agent-transfer.png", true);
        keys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "overgedragen aan Belastingen"));
        assertThat(handoff.task(task.id()).team()).isEqualTo("belastingen");

        // Bea of Belastingen finds it in her queue, reads the note and the whole story, and answers.
        logout();
        login(BELASTINGEN_AGENT);
        assertThat(driver.findElement(By.cssSelector("tr[data-task-id='" + task.id() + "']")).getText()).contains(task.reference());
        driver.get(url("/agent/tasks/" + task.id()));
        assertThat(driver.findElement(By.id("notes")).getText()).contains("Overgedragen aan Belastingen").contains("WOZ-beschikking")
                .contains(BURGERZAKEN_AGENT);
        assertThat(driver.findElement(By.id("transcript")).getText()).contains("Hoe vraag ik een paspoort aan?");
        driver.findElement(By.cssSelector("form[action$='/claim'] button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "Opgepakt door u"));
        String text = "Goedemiddag, ik help u verder met de WOZ-waarde. " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.id("reply")).sendKeys(text);
        driver.findElement(By.id("send")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Uw antwoord is opgeslagen"));
        assertThat(Axe.run((JavascriptExecutor) driver)).contains("\"violations\":[]");

        // The resident was told a colleague takes over, never asked to repeat, and got the answer; no note reached them.
        String seen = chatMessages(chat).toString();
        assertThat(seen).contains("U hoeft niets opnieuw te vertellen").contains(text).doesNotContain("WOZ-beschikking");
    }

    private void login(String user) {
        driver.get(url("/agent"));
        wait(ExpectedConditions.urlContains("/agent/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    }

    private void logout() {
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait(ExpectedConditions.urlContains("/agent/login"));
    }

    @Test
    void theSmsCounterArticleInsertAndLiveMessagesWork() {
        String phone = randomMobile();
        sms(phone, "Hoe vraag ik een nieuw paspoort aan?");
        sms(phone, "Ik wil een medewerker spreken");
        String residentId = contacts.residentIdOf(nl.loket.contact.Identity.phone(phone)).orElseThrow();
        HandoffTask task = handoff.tasks(EnumSet.of(TaskStatus.WAITING)).stream()
                .filter(t -> t.residentId().equals(residentId)).findFirst().orElseThrow();
        handoff.claim(task.id(), AGENT);

        driver.get(url("/agent/login"));
        driver.findElement(By.id("username")).sendKeys(AGENT);
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        driver.get(url("/agent/tasks/" + task.id()));
        WebElement reply = driver.findElement(By.id("reply"));
        WebElement counter = driver.findElement(By.id("reply-counter"));
        reply.sendKeys("a".repeat(160));
        assertThat(counter.getText()).startsWith("160 tekens, 1 sms (GSM-7");
        reply.sendKeys("a");
        assertThat(counter.getText()).startsWith("161 tekens, 2 sms-delen (GSM-7");
        reply.clear();
        reply.sendKeys("Tot ziens, Zoë");
        assertThat(counter.getText()).contains("UCS-2").contains("1 sms");

        // The article the assistant already used is suggested; "Invoegen" puts its summary and link in the reply box.
        reply.clear();
        driver.findElement(By.cssSelector(".lk-insert")).sendKeys(Keys.ENTER);
        assertThat(reply.getAttribute("value")).contains("paspoort").contains("https://www.nijmegen.nl/");
        assertThat(driver.findElement(By.id("status")).getText()).contains("ingevoegd");
        assertThat(counter.getText()).contains("sms");

        // A new message of the resident appears without reloading (the page polls every 5 s) and is announced.
        sms(phone, "Ik heb nog een vraag over de kosten");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Ik heb nog een vraag over de kosten"));
        assertThat(driver.findElement(By.id("status")).getText()).contains("Nieuw bericht van de inwoner");
        handoff.release(task.id(), AGENT, false);
    }

    // ---- helpers ----

    private HandoffTask escalatedChat(String text) {
        Chat chat = chat();
        say(chat, text);
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    private void tolkcontactCall() {
        postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","relay":"TOLKCONTACT",
                 "startedAt":"2026-11-29T10:15:00+01:00","endedAt":"2026-11-29T10:18:00+01:00",
                 "segments":[{"speaker":"INTERPRETER","text":"Meneer wil een medewerker spreken over zijn aanvraag."}]}"""
                .formatted("call-" + UUID.randomUUID(), randomMobile()));
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(15)).until(condition);
    }

    private WebElement focused() {
        return nl.loket.support.Chromium.focused(driver);
    }

    private void keys(CharSequence... keys) {
        nl.loket.support.Chromium.keys(driver, keys);
    }

    private void tab() {
        keys(Keys.TAB);
    }

    /** Presses Tab until the focused element has the attribute value; fails after 300 presses. */
    private void tabUntil(String attribute, String value) {
        nl.loket.support.Chromium.tabUntil(driver, attribute, value);
    }

    private void screenshot(String name, boolean fullPage) throws IOException {
        Dimension original = driver.manage().window().getSize();
        if (fullPage) {
            long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 200, 600), 4000)));
        }
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image.getWidth()).as("screenshot width").isEqualTo(1280);
        driver.manage().window().setSize(original);
    }
}
