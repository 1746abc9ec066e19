package nl.loket.channel.voice;

import nl.loket.channel.sms.TwiML;
import nl.loket.channel.sms.TwilioProperties;
import nl.loket.channel.sms.TwilioSignature;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Outcome;
import nl.loket.contact.Receipt;
import nl.loket.contact.RelayProperties;
import nl.loket.contact.Reply;
import nl.loket.platform.HttpReply;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.PromptProperties;
import nl.loket.platform.Prompts;
import nl.loket.support.TwilioSigner;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phone webhooks as plain calls: what a caller hears, and what their words become. */
class VoiceChannelTest {

    static final String TOKEN = "test-auth-token";
    static final String BASE = "https://loket.example.nl";

    final VoiceChannel channel = channel(new VoiceProperties(null, "loket"));

    static VoiceChannel channel(VoiceProperties voice) {
        return new VoiceChannel(new TwilioSignature(new TwilioProperties("ACtest", TOKEN, null, null, BASE)),
                new Prompts(new PromptProperties("prompts")),
                new RelayProperties(Map.of("TOLKCONTACT", List.of("+31880000000"))), voice,
                new ContactProperties(20, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(24)),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    static Map<String, String> gather(String from, String speech) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", "CA1");
        form.put("From", from);
        form.put("SpeechResult", speech);
        return form;
    }

    /** Signed over the decoded form; handed over still URL-encoded, as platform-http does. */
    InboundMessage heard(Map<String, String> form) {
        Map<String, String> posted = new LinkedHashMap<>();
        form.forEach((name, value) -> posted.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return channel.toInbound(TwilioSigner.sign(TOKEN, BASE + VoiceChannel.GATHER_PATH, form), posted);
    }

    @Test
    void aCallIsGreetedAndListenedToInDutch() {
        Map<String, String> call = Map.of("CallSid", "CA1");

        HttpReply greeting = channel.greet(TwilioSigner.sign(TOKEN, BASE + VoiceChannel.CALL_PATH, call), call);

        assertThat(greeting.status()).isEqualTo(200);
        assertThat(greeting.contentType()).isEqualTo(TwiML.CONTENT_TYPE);
        assertThat(greeting.body()).contains("<Gather input=\"speech\" language=\"nl-NL\"")
                .contains("action=\"" + VoiceChannel.GATHER_PATH + "\"")
                .contains("<Enqueue>loket</Enqueue>");
    }

    @Test
    void anUnsignedCallIsRefused() {
        assertThatThrownBy(() -> channel.greet(null, Map.of("CallSid", "CA1"))).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("X-Twilio-Signature");
    }

    @Test
    void whatTheCallerSaidIsTheirMessageIdentifiedByCallAndWords() {
        InboundMessage message = heard(gather("+31612345678", "Paspoort aanvragen"));

        assertThat(message.channel()).isEqualTo(Channel.PHONE);
        assertThat(message.text()).isEqualTo("Paspoort aanvragen");
        assertThat(message.threadKey()).isEqualTo("CA1");
        assertThat(message.providerId()).startsWith("CA1:");
        assertThat(message.relay()).isNull();
        assertThat(message.language()).isEqualTo("nl");
    }

    @Test
    void speechLongerThanTheLimitIsCutNotRefused() {
        assertThat(heard(gather("+31612345678", "Hoe vraag ik een paspoort aan?")).text()).isEqualTo("Hoe vraag ik een pas");
    }

    @Test
    void theSameWordsInTheSameCallAreOneDelivery() {
        assertThat(heard(gather("+31612345678", "paspoort")).providerId())
                .isEqualTo(heard(gather("+31612345678", "paspoort")).providerId())
                .isNotEqualTo(heard(gather("+31612345678", "rijbewijs")).providerId());
    }

    @Test
    void aCallThroughARelayServiceIsMarkedAsSuch() {
        assertThat(heard(gather("+31880000000", "verhuizing")).relay()).isEqualTo("TOLKCONTACT");
    }

    @Test
    void nothingUnderstoodIsNoMessage() {
        assertThat(heard(gather("+31612345678", "  "))).isNull();
    }

    @Test
    void aGatherWithoutCallSidIsRefused() {
        Map<String, String> form = gather("+31612345678", "paspoort");
        form.remove("CallSid");
        assertThatThrownBy(() -> heard(form)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void nothingUnderstoodAsksOnceMoreThenAPersonTakesTheCall() {
        HttpReply again = channel.reprompt();
        assertThat(again.body()).contains("<Gather").contains("<Enqueue>loket</Enqueue>");
    }

    @Test
    void anAnswerIsSpokenAndTheCallerMayAskMore() {
        Reply reply = new Reply("U vraagt een paspoort aan bij de balie.", Outcome.ANSWERED, "nl", null, null, List.of(), null);

        HttpReply answer = channel.reply(new Receipt("r1", null, "m1", reply, false));

        assertThat(answer.body()).contains("<Say language=\"nl-NL\">U vraagt een paspoort aan bij de balie.</Say>")
                .contains("<Gather").doesNotContain("<Enqueue>");
    }

    @Test
    void aHandOffPutsTheCallerThroughToTheConfiguredNumber() {
        Reply reply = new Reply("Ik verbind u door.", Outcome.ESCALATED, "nl", null, null, List.of(), null);

        HttpReply answer = channel(new VoiceProperties("+31243290000", "loket")).reply(new Receipt("r1", null, "m1", reply, false));

        assertThat(answer.body()).contains("<Dial>+31243290000</Dial>").doesNotContain("<Gather");
    }
}
