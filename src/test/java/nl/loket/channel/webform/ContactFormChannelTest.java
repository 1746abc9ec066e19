package nl.loket.channel.webform;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Outcome;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.platform.HttpReply;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import nl.loket.platform.RequestTooLargeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contact form API as plain calls: JSON or form-encoded in, 202 with the reference out. */
class ContactFormChannelTest {

    final Json json = new Json(JsonMapper.builder().build());
    final ContactFormChannel channel = new ContactFormChannel(new HttpResponses(json), json,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new ContactProperties(5000, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(24)));
    final Map<String, Object> exchangeProperties = new HashMap<>();

    InboundMessage postJson(String body) {
        return channel.toInbound("application/json; charset=UTF-8", null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "UTF-8", exchangeProperties);
    }

    @Test
    void aJsonFormBecomesAWebFormMessage() {
        InboundMessage message = postJson("{\"message\":\"Wanneer wordt grofvuil opgehaald?\",\"email\":\"inwoner@example.nl\"}");

        assertThat(message.channel()).isEqualTo(Channel.WEBFORM);
        assertThat(message.text()).isEqualTo("Wanneer wordt grofvuil opgehaald?");
        assertThat(exchangeProperties).containsEntry(ContactFormChannel.PHONE_DOUBTFUL, false);
    }

    @Test
    void aFormEncodedPostIsReadFromItsStillEncodedMap() {
        Map<String, Object> posted = Map.of("message", "Grofvuil+%26+snoeiafval", "phone", "06+12345678");

        InboundMessage message = channel.toInbound("application/x-www-form-urlencoded", null, posted, null, exchangeProperties);

        assertThat(message.text()).isEqualTo("Grofvuil & snoeiafval");
    }

    @Test
    void aNumberTheNumberingPlanDoesNotKnowIsStoredAndMarkedForTheReply() {
        postJson("{\"message\":\"Wanneer wordt grofvuil opgehaald?\",\"phone\":\"+31 6 98765432\"}");
        assertThat(exchangeProperties).containsEntry(ContactFormChannel.PHONE_DOUBTFUL, true);

        Reply reply = new Reply("Op afspraak.", Outcome.ANSWERED, "nl", null, null, List.of(), null);
        HttpReply answer = channel.reply(receipt(reply), true);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).startsWith("{\"reference\":\"LK-ABC-DEF\",").endsWith(",\"phoneCheck\":\"DOUBTFUL\"}");
    }

    @Test
    void aReplyWithoutDoubtSaysNothingAboutThePhone() {
        Reply reply = new Reply("Op afspraak.", Outcome.ANSWERED, "nl", null, null, List.of(), null);
        assertThat(channel.reply(receipt(reply), null).body()).doesNotContain("phoneCheck");
        assertThat(channel.reply(receipt(reply), false).body()).doesNotContain("phoneCheck");
    }

    static Receipt receipt(Reply reply) {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-07T11:00:00+01:00");
        Conversation conversation = new Conversation("c1", "LK-ABC-DEF", "r1", Channel.WEBFORM, null, "nl", null, null,
                ConversationState.BOT, at, at, null, false, at.plusDays(90), List.of(), null, null, null);
        return new Receipt("r1", conversation, "m1", reply, false);
    }

    @Test
    void aJsonBodyIsReadInTheCharsetTheRequestNames() {
        byte[] latin1 = "{\"message\":\"Wat kost een paspoort? \u20ac of \u00e9\u00e9n\"}".replace("\u20ac", "EUR")
                .getBytes(StandardCharsets.ISO_8859_1);
        InboundMessage message = channel.toInbound("application/json; charset=ISO-8859-1", null,
                new ByteArrayInputStream(latin1), "ISO-8859-1", exchangeProperties);
        assertThat(message.text()).isEqualTo("Wat kost een paspoort? EUR of \u00e9\u00e9n");
    }

    @Test
    void anotherContentTypeIsRefused() {
        assertThatThrownBy(() -> channel.toInbound("text/plain", null, "message=hoi", null, exchangeProperties))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("Content-Type"));
    }

    @Test
    void aFieldThatIsNoTextIsRefused() {
        assertThatThrownBy(() -> postJson("{\"message\":{\"text\":\"hoi\"}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("message"));
    }

    @Test
    void aBodyOverTheRequestLimitIsRefused() {
        assertThatThrownBy(() -> channel.toInbound("application/json", (long) RequestBodies.MAX_BYTES + 1, "{}", null,
                exchangeProperties)).isInstanceOf(RequestTooLargeException.class);
    }
}
