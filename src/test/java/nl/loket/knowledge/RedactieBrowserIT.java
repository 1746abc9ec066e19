package nl.loket.knowledge;

import nl.loket.support.Axe;
import nl.loket.support.Chromium;
import nl.loket.support.LoketInstance;
import nl.loket.support.Screenshots;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The editors' pages in a real headless Chromium, keyboard only: an editor finds the grofvuil article, writes a
 * sharper summary and sees the B1 score and the SMS change while typing, asks the test box a resident's question and
 * gets the draft's answer, saves the draft and is refused when approving it herself; a second editor approves it and
 * the chat answers with it. axe-core (WCAG 2.1 A/AA) on every page, no Content-Security-Policy violations. Its own
 * instance and key prefix, so the publish touches no other test. Screenshots in target/screenshots.
 */
class RedactieBrowserIT {

    static final String NEW_SUMMARY = "Grofvuil haalt de gemeente gratis bij u op. Maak eerst online een afspraak. "
            + "Zet het op de ophaaldag voor half acht buiten.";

    LoketInstance loket;
    ChromeDriver driver;
    Path profile;
    final List<String> consoleLines = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Chromium.installed(), "Debian chromium and chromedriver are not installed");
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-redactie-browser-" + UUID.randomUUID(),
                KnowledgePublishingIT.editors());
        profile = Files.createTempDirectory("loket-chromium");
        driver = Chromium.start(profile);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (loket != null) {
            loket.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anEditorDraftsAChangeWithThePreviewAndTheTestBoxAndASecondEditorApprovesIt() throws IOException {
        // Redacteur A opens the editors' pages and logs in on the way.
        driver.get(loket.url("/redactie"));
        waitFor(ExpectedConditions.urlContains("/agent/login"));
        driver.findElement(By.id("username")).sendKeys("redacteur-a");
        driver.findElement(By.id("password")).sendKeys(LoketInstance.AGENT_PASSWORD, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("articles")));
        assertClean("list");
        screenshot("redactie-list.png");

        // ... searches for grofvuil with the keyboard and opens the article
        tab();
        assertThat(focused().getText()).isEqualTo("Naar de inhoud");
        tabUntil("id", "q");
        keys("grofvuil", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("q=grofvuil"));
        assertThat(driver.findElement(By.cssSelector("tr[data-article='nl-grofvuil']")).getText())
                .contains("grofvuil").contains("Nederlands").contains("Gepubliceerd");
        tabUntil("href", loket.url("/redactie/artikelen/nl-grofvuil"));
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
        assertClean("article");

        // ... writes a change: the readability and the SMS follow while she types
        tabUntil("id", "edit");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
        assertClean("edit");
        String smsBefore = driver.findElement(By.id("sms-text")).getText();
        tabUntil("id", "summary");
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(NEW_SUMMARY).perform();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("sms-text"), "half acht"));
        assertThat(driver.findElement(By.id("sms-text")).getText()).isNotEqualTo(smsBefore)
                .as("the link is kept").contains("https://");
        assertThat(driver.findElement(By.id("sms-meta")).getText()).contains("GSM-7").containsPattern("\\d+ tekens, \\d sms");
        assertThat(driver.findElement(By.id("voice-text")).getText()).as("read out without the link")
                .contains("voor half acht buiten").doesNotContain("https://");
        assertThat(driver.findElement(By.id("summary-readability")).getText()).contains("Score").contains("goed leesbaar")
                .contains("Langste zin: 9 woorden").contains("Zet het op de ophaaldag voor half acht buiten.");
        tabUntil("id", "note");
        keys("ophaaltijd concreet");

        // ... and asks the test box a resident's question: answered from the draft, not from the live article
        tabUntil("id", "question");
        keys("Wanneer wordt mijn grofvuil opgehaald?", Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("test-outcome")));
        assertThat(driver.findElement(By.id("test-outcome")).getText()).isEqualTo("Beantwoord");
        assertThat(driver.findElement(By.id("test-topic")).getText()).isEqualTo("grofvuil");
        assertThat(driver.findElement(By.id("test-confidence")).getText()).matches("0,\\d\\d|1,00");
        assertThat(driver.findElement(By.id("test-text")).getText()).contains("half acht");
        assertThat(answer()).as("a test question publishes nothing").doesNotContain("half acht");
        assertClean("edit with preview and test");
        screenshot("redactie-edit.png");

        // ... saves the draft, and is refused when she approves it herself
        tabUntil("id", "save");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is opgeslagen"));
        assertThat(driver.findElement(By.id("draft")).getText()).contains("Samenvatting").contains("half acht");
        tabUntil("id", "approve");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "U heeft dit concept zelf geschreven"));
        assertThat(answer()).as("a draft is not live").doesNotContain("half acht");
        assertClean("article with a draft");
        screenshot("redactie-article.png");

        // Redacteur B approves it; the chat answers with the new summary at once.
        tabUntil("text", "Uitloggen");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/agent/login"));
        driver.get(loket.url("/redactie/artikelen/nl-grofvuil"));
        waitFor(ExpectedConditions.urlContains("/agent/login"));
        driver.findElement(By.id("username")).sendKeys("redacteur-b");
        driver.findElement(By.id("password")).sendKeys(LoketInstance.AGENT_PASSWORD, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(driver.findElement(By.id("draft")).getText()).contains("redacteur-a").contains("ophaaltijd concreet");
        tabUntil("id", "approve");
        keys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is goedgekeurd en gepubliceerd"));
        assertThat(driver.findElements(By.id("draft"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#versions tr[data-version='2']")).getText())
                .contains("Gepubliceerd").contains("redacteur-a").contains("Samenvatting").contains("redacteur-b");
        assertThat(driver.findElement(By.id("diff")).getText()).contains("half acht");
        assertClean("article published");
        assertThat(answer()).contains("voor half acht buiten");

        // A question the assistant could not answer reaches the editors' list of questions, accessible too.
        loket.sendChat(loket.openChat(), "waar kan ik met mijn kano de waal op bij lent");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> !loket.bean(UnansweredQuestions.class).lastDays(UnansweredQuestions.DAYS).isEmpty());
        driver.get(loket.url("/redactie/vragen"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("add-1-1")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("kano");
        assertClean("unanswered questions");
        screenshot("redactie-questions.png");
    }

    /** The chat's answer to the question the editor tested, as a resident gets it. */
    private String answer() {
        HttpResponse<String> reply = loket.sendChat(loket.openChat(), "Wanneer wordt mijn grofvuil opgehaald?");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private void assertClean(String page) {
        String axe = Axe.run((JavascriptExecutor) driver);
        assertThat(axe).as("axe on " + page + ": " + axe).contains("\"violations\":[]");
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            consoleLines.add(entry.getMessage());
        }
        assertThat(consoleLines).as("CSP violations on " + page)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
    }

    private void waitFor(ExpectedCondition<?> condition) {
        Chromium.waitOn(driver, Duration.ofSeconds(30)).until(condition);
    }

    private WebElement focused() {
        return Chromium.focused(driver);
    }

    private void keys(CharSequence... keys) {
        Chromium.keys(driver, keys);
    }

    private void tab() {
        keys(Keys.TAB);
    }

    /** Presses Tab until the focused element has the attribute value ("text": its text); fails after 300 presses. */
    private void tabUntil(String attribute, String value) {
        Chromium.tabUntil(driver, attribute, value);
    }

    private void screenshot(String name) throws IOException {
        Dimension original = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 200, 600), 4000)));
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Screenshots.DIR);
        Files.copy(png, Screenshots.file(name), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(original);
    }
}
