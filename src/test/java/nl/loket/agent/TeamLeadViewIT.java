package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.support.Axe;
import nl.loket.support.HandoffIntegrationTest;
import nl.loket.support.Screenshots;
import nl.loket.support.SteppedClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The team lead's live view {@code /agent/teams}: a known situation made with a clock the test moves (tasks waiting
 * two days, nearly two days, a few hours, one in hand), then read as a supervisor over HTTP and in a real headless
 * Chromium, where a new escalation and a status change appear without a reload. Own application context (its own
 * clock), closed afterwards.
 */
@Import(TeamLeadViewIT.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamLeadViewIT extends HandoffIntegrationTest {

    /** A Tuesday, 09:00, on which no other test writes. */
    static final ZonedDateTime T0 = ZonedDateTime.of(2032, 2, 10, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SteppedClock steppedClock() {
            return new SteppedClock(T0);
        }
    }

    @DynamicPropertySource
    static void teamLeadProperties(DynamicPropertyRegistry registry) {
        // This context's clock is years ahead: it must not take back claims (or retry deliveries) of other tests' contexts.
        registry.add("loket.handoff.reclaim-interval", () -> "365d");
        // bea (loket.agents[27], see HandoffIntegrationTest) answers in Dutch and Turkish and works with the relay.
        registry.add("loket.agents[27].languages[0]", () -> "nl");
        registry.add("loket.agents[27].languages[1]", () -> "tr");
        registry.add("loket.agents[27].relay", () -> "true");
    }

    @Autowired SteppedClock clock;
    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;
    @Autowired SkillChanges skillChanges;
    @Autowired TeamChanges teamChanges;
    @Autowired CapacityChanges capacityChanges;

    HandoffTask overdue;
    HandoffTask nearlyDue;
    HandoffTask nearlyDueTaxes;

    /**
     * Burgerzaken and Belastingen answer within 2 days; "nearing" is the last fifth (from 38 h 24 min).
     * <pre>
     * T0       passport question A                   → Burgerzaken, normal
     * T0+10h   passport question B                   → Burgerzaken, normal
     *          passport question C, moved by the lead → Belastingen, normal
     * T0+47h   a complaint D, moved to Burgerzaken    → high
     *          a crisis E, moved to Burgerzaken       → urgent
     *          passport question F, bas takes it      → in hand
     * T0+49h   now: A waited 2 days 1 hour (late), B and C 1 day 15 hours (nearly late), D, E, F 2 hours
     * </pre>
     */
    @BeforeAll
    void knownSituation() {
        // Earlier tests leave open tasks behind; a supervisor closes them so the page shows this situation only.
        handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED))
                .forEach(t -> handoff.close(t.id(), "supervisor", "OTHER", true));
        clock.set(T0);
        overdue = passportQuestion();
        clock.set(T0.plusHours(10));
        nearlyDue = passportQuestion();
        nearlyDueTaxes = moved(passportQuestion(), "belastingen");
        clock.set(T0.plusHours(47));
        moved(escalated("Ik ben echt boos, de medewerker aan de balie was onbeschoft"), "burgerzaken");
        moved(escalated("ik wil niet meer leven"), "burgerzaken");
        handoff.claim(passportQuestion().id(), BURGERZAKEN_AGENT);
        clock.set(T0.plusHours(49));
        setStatus(BURGERZAKEN_AGENT, "available");
        setStatus(ONE_AT_A_TIME_AGENT, "busy");
        setStatus(BELASTINGEN_AGENT, "away");
    }

    @Test
    @Order(1)
    void onlyASupervisorSeesTheTeamLeadView() {
        for (String path : new String[] {"/agent/teams", "/agent/teams/figures"}) {
            HttpResponse<String> anonymous = get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElse("")).as(path).endsWith("/agent/login");
            assertThat(as(BURGERZAKEN_AGENT).get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(as("supervisor").get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(as("supervisor").get("/agent").body()).contains("href=\"/agent/teams\"");
        assertThat(as(BURGERZAKEN_AGENT).get("/agent").body()).doesNotContain("href=\"/agent/teams\"");
    }

    @Test
    @Order(2)
    void theLeadSeesWaitingPerTeamAndPriorityTheLongestWaitAgainstTheTargetAndWhichTasksAreLateOrNearlyLate() {
        HttpResponse<String> page = as("supervisor").get("/agent/teams");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h1>Teams nu</h1>").contains("Stand van <span id=\"updated\">10:00:00</span>");

        assertThat(text(html, "dd", "id=\"t-waiting\"")).isEqualTo("5");
        assertThat(text(html, "dd", "id=\"t-handled\"")).isEqualTo("1");
        assertThat(text(html, "dd", "id=\"t-nearing\"")).isEqualTo("2");
        assertThat(text(html, "dd", "id=\"t-breached\"")).isEqualTo("1");
        assertThat(text(html, "p", "id=\"warning\"")).isEqualTo(
                "⚠ Let op: 1 taak is te laat en 2 taken zijn bijna te laat. Welke taken dat zijn, staat onder \"Bijna te laat en te laat\".");

        // team, urgent, high, normal, in hand, longest wait (share of the target), target, nearly late, late
        assertThat(text(html, "tr", "data-team=\"burgerzaken\""))
                .isEqualTo("Burgerzaken 1 1 2 1 2 dagen 1 uur (102% van de norm) 2 dagen ◔ 1 ⚠ 1");
        assertThat(text(html, "tr", "data-team=\"belastingen\""))
                .isEqualTo("Belastingen 0 0 1 0 1 dag 15 uur (81% van de norm) 2 dagen ◔ 1 0");
        assertThat(text(html, "tr", "data-team=\"zorg-en-welzijn\"")).isEqualTo("Zorg en welzijn 0 0 0 0 Niemand wacht 1 dag 0 0");

        // late first, in words (the sign and the colour only add to them)
        assertThat(text(html, "tr", "data-reference=\"" + overdue.reference() + "\""))
                .isEqualTo(overdue.reference() + " Burgerzaken 2 dagen 1 uur ⚠ Te laat");
        assertThat(text(html, "tr", "data-reference=\"" + nearlyDue.reference() + "\""))
                .isEqualTo(nearlyDue.reference() + " Burgerzaken 1 dag 15 uur ◔ Bijna te laat");
        assertThat(text(html, "tr", "data-reference=\"" + nearlyDueTaxes.reference() + "\""))
                .isEqualTo(nearlyDueTaxes.reference() + " Belastingen 1 dag 15 uur ◔ Bijna te laat");
        assertThat(html.indexOf("data-reference=\"" + overdue.reference())).isLessThan(html.indexOf("data-reference=\"" + nearlyDue.reference()));

        // agents by status per team: available, busy, away, offline (offline only counted)
        assertThat(text(html, "tr", null, "<th scope=\"row\">Burgerzaken</th>\\s*<td data-status"))
                .isEqualTo("Burgerzaken 1 bas 1 cas 0 0");
        assertThat(text(html, "tr", null, "<th scope=\"row\">Belastingen</th>\\s*<td data-status"))
                .as("with their skills, so a lead sees whether Turkish is there now")
                .isEqualTo("Belastingen 0 0 1 bea (talen: nl, tr; Tolkcontact) 0");
        assertThat(html).contains(TeamLeadPage.NO_TEAM);

        // references and counts only: nothing the residents wrote
        assertThat(html).doesNotContain("paspoort").doesNotContain("onbeschoft").doesNotContain("leven")
                .doesNotContain(overdue.residentId()).doesNotContain(overdue.conversationId());
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("no inline scripts").contains("src=");
        }
        assertThat(html).doesNotContain("style=");

        // the script's refresh reads the same figures, without the page around them
        String figures = as("supervisor").get("/agent/teams/figures").body();
        assertThat(figures.strip()).startsWith("<div id=\"figures\"").doesNotContain("<html");
        assertThat(text(figures, "tr", "data-team=\"burgerzaken\"")).isEqualTo(text(html, "tr", "data-team=\"burgerzaken\""));
    }

    @Test
    @Order(3)
    void theLeadsOpenPageShowsANewEscalationAndAStatusChangeWithoutReloadingAndIsAccessible() throws IOException {
        assumeTrue(nl.loket.support.Chromium.installed(), "Debian chromium and chromedriver are not installed");
        Path profile = Files.createTempDirectory("loket-team-lead-chromium");
        ChromeDriver driver = nl.loket.support.Chromium.start(profile);
        try {
            WebDriverWait wait = nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(15));
            driver.get(url("/agent/login"));
            driver.findElement(By.id("username")).sendKeys("supervisor");
            driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
            driver.findElement(By.linkText("Teams nu")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Teams nu"));

            String axe = Axe.run(driver);
            assertThat(axe).as(axe).contains("\"violations\":[]");
            // keyboard: the skip link first, and the page's own link can be reached
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Naar de inhoud");
            tabUntil(driver, "reload");

            // A resident asks for a person while the page is open: the figures change within a few seconds, far
            // sooner than the 30-second fallback, and the page was not loaded again.
            driver.executeScript("window.notReloaded = true;");
            String before = driver.findElement(By.cssSelector("#teams tr[data-team='burgerzaken']")).getText();
            assertThat(before).startsWith("Burgerzaken 1 1 2 1 ");
            passportQuestion();
            nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textMatches(
                    By.cssSelector("#teams tr[data-team='burgerzaken']"), Pattern.compile("^Burgerzaken 1 1 3 1 ")));
            assertThat(driver.findElement(By.id("t-waiting")).getText()).isEqualTo("6");
            setStatus(BELASTINGEN_AGENT, "available");
            nl.loket.support.Chromium.waitOn(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//table[@id='agents']//th[.='Belastingen']/following-sibling::td[@data-status='available']"), "bea"));
            assertThat(driver.executeScript("return window.notReloaded === true;")).isEqualTo(true);

            assertThat(Axe.run(driver)).contains("\"violations\":[]");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))).isEmpty();
            driver.executeScript("document.activeElement.blur();");
            screenshot(driver, Screenshots.file("team-lead.png"));

            // bea learned Arabic: the lead adds it with the keyboard, it counts at once, and goes back to the configuration.
            tabUntil(driver, "languages-" + BELASTINGEN_AGENT);
            WebElement languages = driver.switchTo().activeElement();
            assertThat(languages.getAttribute("value")).isEqualTo("nl, tr");
            languages.sendKeys(Keys.END, ", ar", Keys.ENTER); // tabbing in selects the text: to its end first
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "De vaardigheden van bea zijn opgeslagen"));
            assertThat(skillChanges.of(BELASTINGEN_AGENT)).get().satisfies(skills -> {
                assertThat(skills.languages()).containsExactly("nl", "tr", "ar");
                assertThat(skills.relay()).as("the relay box stayed ticked").isTrue();
            });
            assertThat(driver.findElement(By.cssSelector("#skills-bea legend")).getText()).contains("gewijzigd door een teamleider");
            assertThat(Axe.run(driver)).contains("\"violations\":[]");
            tabUntil(driver, "reset-" + BELASTINGEN_AGENT);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "weer zoals ingesteld"));
            assertThat(skillChanges.of(BELASTINGEN_AGENT)).isEmpty();
            assertThat(driver.findElement(By.id("languages-bea")).getAttribute("value")).isEqualTo("nl, tr");

            // bea helps out Algemeen this week, one chat at a time: chosen, a box and a number, with the keyboard only.
            tabUntil(driver, "assign-agent");
            driver.switchTo().activeElement().sendKeys("bea");
            tabUntil(driver, "choose-assignment");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-bea")));
            tabUntil(driver, "team-bea-algemeen");
            new Actions(driver).sendKeys(Keys.SPACE).perform();
            tabUntil(driver, "chat-bea");
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "1");
            tabUntil(driver, "save-assignment-bea");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    "De teams en capaciteit van bea zijn opgeslagen"));
            assertThat(teamChanges.of(BELASTINGEN_AGENT)).get().satisfies(teams ->
                    assertThat(teams).containsExactlyInAnyOrder("belastingen", "algemeen"));
            assertThat(capacityChanges.of(BELASTINGEN_AGENT)).get().satisfies(c -> assertThat(c.chat()).isEqualTo(1));
            assertThat(driver.findElement(By.cssSelector("#assignment-bea legend")).getText()).contains("gewijzigd door een teamleider");
            assertThat(Axe.run(driver)).contains("\"violations\":[]");
            tabUntil(driver, "reset-assignment-" + BELASTINGEN_AGENT);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "De teams en capaciteit van bea zijn weer"));
            assertThat(teamChanges.of(BELASTINGEN_AGENT)).isEmpty();
            assertThat(capacityChanges.of(BELASTINGEN_AGENT)).isEmpty();
            assertThat(driver.findElement(By.id("team-bea-algemeen")).isSelected()).isFalse();
        } finally {
            if (skillChanges.of(BELASTINGEN_AGENT).isPresent()) {
                skillChanges.reset(BELASTINGEN_AGENT, "supervisor"); // other contexts of this run share the Redis prefix
            }
            if (teamChanges.of(BELASTINGEN_AGENT).isPresent()) {
                teamChanges.reset(BELASTINGEN_AGENT, "supervisor");
            }
            if (capacityChanges.of(BELASTINGEN_AGENT).isPresent()) {
                capacityChanges.reset(BELASTINGEN_AGENT, "supervisor");
            }
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- the situation ----

    HandoffTask passportQuestion() {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        say(chat, "Ik wil een medewerker spreken");
        return taskOf(chat);
    }

    HandoffTask escalated(String text) {
        Chat chat = chat();
        say(chat, text);
        return taskOf(chat);
    }

    HandoffTask taskOf(Chat chat) {
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    HandoffTask moved(HandoffTask task, String team) {
        return handoff.transfer(task.id(), "supervisor", team, null, "Hoort bij dit team.", true);
    }

    void setStatus(String agent, String status) {
        HttpResponse<String> r = send(request("/api/agent/status").header("Content-Type", "application/json")
                .header(basic(agent)[0], basic(agent)[1])
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    WorkbenchSession as(String user) {
        return new WorkbenchSession(port).loggedIn(user, PASSWORD);
    }

    /** The text of the first element {@code tag} whose start tag has {@code attribute} (or that matches {@code start}). */
    static String text(String html, String tag, String attribute) {
        return text(html, tag, attribute, null);
    }

    static String text(String html, String tag, String attribute, String start) {
        String open = "<" + tag + (attribute == null ? "[^>]*>\\s*" + start : "[^>]*" + Pattern.quote(attribute) + "[^>]*>");
        Matcher m = Pattern.compile(open + "(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(tag + " " + (attribute == null ? start : attribute)).isTrue();
        String inner = attribute == null ? m.group(0) : m.group(1);
        return inner.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replaceAll("\\s+", " ").replaceAll(" ([.,:)])", "$1").strip();
    }

    // ---- the browser ----

    static void tabUntil(ChromeDriver driver, String id) {
        nl.loket.support.Chromium.tabUntil(driver, "id", id);
    }

    /** A PNG of the whole page, 1280 pixels wide. */
    static void screenshot(ChromeDriver driver, Path file) throws IOException {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280,
                "height", Math.max(600, height.intValue()), "deviceScaleFactor", 1, "mobile", false));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
