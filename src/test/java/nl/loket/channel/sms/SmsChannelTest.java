package nl.loket.channel.sms;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.OptOutCommand;
import nl.loket.contact.Outcome;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.platform.HttpReply;
import nl.loket.platform.InvalidRequestException;
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

/** The SMS webhook as plain calls: what a signed SMS becomes, and what Twilio gets back. */
class SmsChannelTest {

    static final String TOKEN = "test-auth-token";
    static final String BASE = "https://loket.example.nl";

    final TwilioSignature signature = new TwilioSignature(new TwilioProperties("ACtest", TOKEN, "+3197010000000", null, BASE));
    final SmsChannel channel = new SmsChannel(signature, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new ContactProperties(160, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(24)),
            null, null, null);

    static Map<String, String> sms(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM123");
        form.put("From", from);
        form.put("Body", body);
        return form;
    }

    static String signed(String path, Map<String, String> form) {
        return TwilioSigner.sign(TOKEN, BASE + path, form);
    }

    /** The form as platform-http hands it over: a map whose values are still URL-encoded. */
    static Map<String, String> posted(Map<String, String> form) {
        Map<String, String> encoded = new LinkedHashMap<>();
        form.forEach((name, value) -> encoded.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded;
    }

    Object receive(Map<String, String> form) {
        return channel.toInbound(signed(SmsChannel.PATH, form), posted(form));
    }

    @Test
    void aStopMessageOptsTheNumberOutInsteadOfReachingTheAssistant() {
        Object received = receive(sms("06 12345678", " Stop "));

        assertThat(received).isEqualTo(new SmsChannel.OptOutWord("+31612345678",
                new OptOutCommand.Parsed(OptOutCommand.OPT_OUT, "STOP")));
    }

    @Test
    void startOptsTheNumberInAgain() {
        assertThat(receive(sms("+31612345678", "START"))).isInstanceOfSatisfying(SmsChannel.OptOutWord.class,
                word -> assertThat(word.command().command()).isEqualTo(OptOutCommand.OPT_IN));
    }

    @Test
    void aQuestionAboutStoppingIsAMessageNotAnOptOut() {
        assertThat(receive(sms("+31612345678", "stop met sturen"))).isInstanceOf(InboundMessage.class);
    }

    @Test
    void anOrdinarySmsIsAMessageOfThatPhoneIdentifiedByItsMessageSid() {
        InboundMessage message = (InboundMessage) receive(sms("+31612345678", "Wanneer wordt grofvuil opgehaald?"));

        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.identities()).containsExactly(Identity.phone("+31612345678"));
        assertThat(message.text()).isEqualTo("Wanneer wordt grofvuil opgehaald?");
        assertThat(message.providerId()).isEqualTo("SM123");
        assertThat(message.receivedAt()).isEqualTo("2026-12-07T10:00:00Z");
    }

    @Test
    void anEmptySmsIsStillAContact() {
        assertThat(receive(sms("+31612345678", ""))).isInstanceOfSatisfying(InboundMessage.class,
                message -> assertThat(message.text()).isEmpty());
    }

    @Test
    void anSmsWithoutTwiliosSignatureIsRefused() {
        Map<String, String> form = sms("+31612345678", "hallo");
        assertThatThrownBy(() -> channel.toInbound(null, posted(form))).isInstanceOf(TwilioSignatureRejectedException.class);
    }

    @Test
    void anSmsChangedAfterSigningIsRefused() {
        Map<String, String> form = sms("+31612345678", "hallo");
        String signed = signed(SmsChannel.PATH, form);
        form.put("Body", "iets anders");
        assertThatThrownBy(() -> channel.toInbound(signed, posted(form))).isInstanceOf(TwilioSignatureRejectedException.class);
    }

    @Test
    void aSignatureForAnotherWebhookDoesNotCount() {
        Map<String, String> form = sms("+31612345678", "hallo");
        assertThatThrownBy(() -> channel.toInbound(signed(SmsChannel.STATUS_PATH, form), posted(form)))
                .isInstanceOf(TwilioSignatureRejectedException.class);
    }

    @Test
    void noSmsIsAcceptedWhileWebhooksAreNotConfigured() {
        TwilioSignature off = new TwilioSignature(new TwilioProperties(null, null, null, null, BASE));
        Map<String, String> form = sms("+31612345678", "hallo");
        assertThatThrownBy(() -> off.verifiedParameters(SmsChannel.PATH, signed(SmsChannel.PATH, form), posted(form)))
                .isInstanceOf(TwilioSignatureRejectedException.class);
    }

    @Test
    void theSignatureCoversTheFormAsTwilioSentItEncoded() {
        Map<String, String> decoded = sms("+31612345678", "Hoi & dag");
        Map<String, String> encoded = Map.of("MessageSid", "SM123", "From", "%2B31612345678", "Body", "Hoi+%26+dag");
        assertThat(signature.verifiedParameters(SmsChannel.PATH, signed(SmsChannel.PATH, decoded), encoded))
                .isEqualTo(decoded);
    }

    @Test
    void anSmsWithoutMessageSidIsRefused() {
        Map<String, String> form = sms("+31612345678", "hallo");
        form.remove("MessageSid");
        assertThatThrownBy(() -> receive(form)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("MessageSid"));
    }

    @Test
    void aSenderThatIsNoPhoneNumberIsRefused() {
        assertThatThrownBy(() -> receive(sms("Gemeente", "hallo"))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("From"));
    }

    @Test
    void anSmsLongerThanTheLimitIsRefusedNotCut() {
        assertThatThrownBy(() -> receive(sms("+31612345678", "x".repeat(161)))).isInstanceOf(MessageTooLongException.class);
    }

    @Test
    void theAnswerGoesBackAsATwimlMessage() {
        Reply reply = new Reply("Grofvuil & snoeiafval: op afspraak.", Outcome.ANSWERED, "nl", null, null, List.of(), null);

        HttpReply answer = channel.reply(new Receipt("r1", null, "m1", reply, false));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(TwiML.CONTENT_TYPE);
        assertThat(answer.body()).isEqualTo(TwiML.message("Grofvuil & snoeiafval: op afspraak."))
                .contains("&amp;");
    }

    @Test
    void anEarlyDeliveryReportIsAcknowledgedAndChangesNothing() {
        Map<String, String> report = Map.of("MessageSid", "SM9", "MessageStatus", "queued");

        HttpReply answer = channel.deliveryStatus(signed(SmsChannel.STATUS_PATH, report), report);

        assertThat(answer).isEqualTo(HttpReply.of(200, TwiML.CONTENT_TYPE, TwiML.response("")));
    }

    @Test
    void aDeliveryReportWithoutItsStatusIsRefused() {
        Map<String, String> report = Map.of("MessageSid", "SM9");
        assertThatThrownBy(() -> channel.deliveryStatus(signed(SmsChannel.STATUS_PATH, report), report))
                .isInstanceOf(InvalidRequestException.class);
    }
}
