package nl.loket.channel.chat;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat sessions cost a key in Redis each: one address may open only a few a minute
 * ({@code loket.rate-limit.chat-sessions-per-ip-per-minute}), and a session nobody writes in is gone after an
 * hour; from its first message it lives as long as conversations do.
 */
class ChatSessionLimitsIT {

    static final String PREFIX = "loket-chatlimits-" + UUID.randomUUID();
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        loket = new LoketInstance(TestRedis.serverUrl(), PREFIX, "--loket.rate-limit.chat-sessions-per-ip-per-minute=3");
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
    }

    @Test
    void anAddressOpensOnlyAFewSessionsAMinuteAndAnUnusedOneLivesAnHour() {
        long minuteBefore = System.currentTimeMillis() / 60_000;
        LoketInstance.Chat first = loket.openChat();
        long unused = secondsLeft(first);
        assertThat(unused).isBetween(1L, ChatSessions.UNUSED_LIFETIME.toSeconds());

        assertThat(loket.sendChat(first, "Hoe vraag ik een paspoort aan?").statusCode()).isEqualTo(200);
        assertThat(secondsLeft(first)).as("in use: kept as long as conversations").isGreaterThan(86_400L);

        int opened = 1;
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            int status = loket.postJson("/api/chat/sessions", "").statusCode();
            if (status == 201) {
                opened++;
            } else if (status == 429) {
                refused++;
            }
        }
        // Six attempts, at most three a minute (the instance counts on this machine's clock too).
        assertThat(opened + refused).isEqualTo(6);
        if (System.currentTimeMillis() / 60_000 == minuteBefore) {
            assertThat(opened).isEqualTo(3);
        } else {
            assertThat(opened).as("a minute boundary fell inside the test").isBetween(3, 6);
        }
        // Writing in an open session is not limited by the session limit.
        assertThat(loket.sendChat(first, "En wat kost dat?").statusCode()).isEqualTo(200);
    }

    private static long secondsLeft(LoketInstance.Chat chat) {
        try (Jedis jedis = new Jedis(java.net.URI.create(TestRedis.serverUrl()))) {
            return jedis.ttl(PREFIX + ":chat:session:" + chat.id());
        }
    }
}
