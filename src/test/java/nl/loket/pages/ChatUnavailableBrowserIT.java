package nl.loket.pages;

import nl.loket.support.LoketInstance;
import nl.loket.support.RedisProxy;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a real browser while Redis is away: the resident reads, in plain Dutch, that the message
 * was not sent and can send it again; once Redis is back the same text goes through, and is stored once.
 */
class ChatUnavailableBrowserIT {

    static RedisProxy proxy;
    static LoketInstance loket;
    static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "Browser tests skipped: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + " missing");
        proxy = new RedisProxy(TestRedis.serverUrl());
        loket = new LoketInstance(proxy.url(), "loket-chat-outage-" + UUID.randomUUID(), "--loket.redis.timeout=1s");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (loket != null) {
            loket.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void whileRedisIsAwayThePageSaysTryAgainAndKeepsTheText() throws IOException {
        browser.driver.get(loket.url("/chat"));
        browser.find("#chat-input").sendKeys("Hoe vraag ik een paspoort aan?");
        browser.find("#send").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".loket-msg--assistant")));

        String unavailable = Files.readString(Path.of("prompts/chat-unavailable.nl.txt"), StandardCharsets.UTF_8).strip();
        proxy.cut();
        try {
            browser.find("#chat-input").sendKeys("Is dit bewaard?");
            browser.find("#send").click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("status"), unavailable));
            assertThat(browser.find("#chat-input").getAttribute("value")).isEqualTo("Is dit bewaard?");
            // The unsent message is not shown as if it were sent.
            assertThat(browser.all(".loket-msg--resident")).hasSize(1);
        } finally {
            proxy.restore();
        }

        // Back: the resident sends the kept text again and gets an answer.
        browser.waiting().until(d -> {
            if (browser.all(".loket-msg--assistant").size() >= 2) {
                return true;
            }
            if (!browser.find("#chat-input").getAttribute("value").isEmpty()) {
                browser.find("#send").click();
            }
            return false;
        });
        JsonNode state = JsonMapper.builder().build().readTree((String) browser.js("return sessionStorage.getItem('loket.chat');"));
        String messages = loket.get("/api/chat/sessions/" + state.get("sessionId").asString() + "/messages",
                "Authorization", "Bearer " + state.get("token").asString()).body();
        assertThat(messages.split("Is dit bewaard\\?", -1)).as(messages).hasSize(2);
        assertThat(browser.all(".loket-msg--resident")).hasSize(2);
    }
}
