package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.Outcome;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.contact.RetentionProperties;
import nl.loket.platform.HttpReply;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.RequestBodies;
import nl.loket.platform.RequestTooLargeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat API's checks and answers as plain calls; sessions are a stand-in that knows one token. */
class ChatChannelTest {

    static final String SESSION = "s1";
    static final String TOKEN = "Bearer good";

    /** Session s1 with token "good"; everything else as the real sessions answer it. */
    static final class OneSession extends ChatSessions {
        OneSession() {
            super(null, new RedisKeys("loket-test"), new RetentionProperties(90, 90, 365), null);
        }

        @Override
        String authorisedBy(String sessionId, String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw new ChatTokenMissingException();
            }
            if (!SESSION.equals(sessionId) || !TOKEN.equals(authorization)) {
                throw new ChatSessionNotFoundException();
            }
            return sessionId;
        }

        @Override
        String authorisedToWrite(String sessionId, String authorization) {
            return authorisedBy(sessionId, authorization);
        }
    }

    final Json json = new Json(JsonMapper.builder().build());
    final ChatChannel chat = new ChatChannel(new OneSession(), null, new HttpResponses(json), json,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new ContactProperties(40, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(24)),
            null, null);

    InboundMessage send(String resendKey, String body) {
        return chat.toInbound(SESSION, TOKEN, resendKey, null, body);
    }

    @Test
    void aMessageBelongsToItsSessionsVisitorAndThread() {
        InboundMessage message = send(null, "{\"text\":\"Hoe vraag ik een paspoort aan?\",\"language\":\"en\"}");

        assertThat(message.channel()).isEqualTo(Channel.CHAT);
        assertThat(message.identities()).containsExactly(Identity.chatVisitor(SESSION));
        assertThat(message.threadKey()).isEqualTo(SESSION);
        assertThat(message.text()).isEqualTo("Hoe vraag ik een paspoort aan?");
        assertThat(message.language()).isEqualTo("en");
        assertThat(message.providerId()).isNull();
    }

    @Test
    void aResentMessageIsKnownByItsKeyWithinItsSessionOnly() {
        assertThat(send("msg-1", "{\"text\":\"Hallo\"}").providerId()).isEqualTo("chat:s1:msg-1");
    }

    @Test
    void aResendKeyWithOtherCharactersIsRefused() {
        assertThatThrownBy(() -> send("msg 1!", "{\"text\":\"Hallo\"}")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
    }

    @Test
    void aLanguageThatIsNoTwoLetterCodeIsLeftToDetection() {
        assertThat(send(null, "{\"text\":\"Hallo\",\"language\":\"english\"}").language()).isNull();
    }

    @Test
    void aMessageWithoutTextIsRefused() {
        assertThatThrownBy(() -> send(null, "{\"text\":\"  \"}")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMessageOverTheLimitIsRefused() {
        assertThatThrownBy(() -> send(null, "{\"text\":\"" + "x".repeat(41) + "\"}")).isInstanceOf(MessageTooLongException.class);
    }

    @Test
    void aBodyOverTheRequestLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> chat.toInbound(SESSION, TOKEN, null, (long) RequestBodies.MAX_BYTES + 1, "{}"))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void withoutATokenTheBodyIsNotEvenRead() {
        assertThatThrownBy(() -> chat.toInbound(SESSION, null, null, null, "not even json"))
                .isInstanceOf(ChatTokenMissingException.class);
    }

    @Test
    void aScoreOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> chat.satisfaction(SESSION, TOKEN, null, "{\"score\":6}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> chat.satisfaction(SESSION, TOKEN, null, "{\"score\":4,\"remark\":[\"x\"]}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("remark"));
    }

    @Test
    void anAnswerComesBackWithTheStoredMessagesId() {
        Reply reply = new Reply("Dat kan bij de balie.", Outcome.ANSWERED, "nl", null, null, List.of(), null);

        HttpReply answer = chat.reply(new Receipt("r1", null, "m1", reply, false));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).startsWith("{\"messageId\":\"m1\",\"reply\":{\"text\":\"Dat kan bij de balie.\"")
                .doesNotContain("choices");
    }
}
