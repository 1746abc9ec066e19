package nl.loket.channel.voice;

import nl.loket.channel.sms.TwiML;
import nl.loket.channel.sms.TwilioSignature;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.PhoneNumbers;
import nl.loket.contact.Receipt;
import nl.loket.contact.RelayProperties;
import nl.loket.contact.Reply;
import nl.loket.platform.HttpReply;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Prompts;
import nl.loket.platform.RedisKeys;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** Twilio Voice webhooks, called from {@code routes/voice.yaml}: listen, answer, or pass to a person. */
@Component("voiceChannel")
class VoiceChannel {

    static final String CALL_PATH = "/api/channels/twilio/voice";
    static final String GATHER_PATH = "/api/channels/twilio/voice/gather";

    private final TwilioSignature signature;
    private final Prompts prompts;
    private final RelayProperties relays;
    private final VoiceProperties voice;
    private final ContactProperties contact;
    private final Clock clock;

    VoiceChannel(TwilioSignature signature, Prompts prompts, RelayProperties relays,
                 VoiceProperties voice, ContactProperties contact, Clock clock) {
        this.signature = signature;
        this.prompts = prompts;
        this.relays = relays;
        this.voice = voice;
        this.contact = contact;
        this.clock = clock;
    }

    /** A new call: greet (saying it is a digital assistant) and listen; a caller who says nothing goes to a person. */
    public HttpReply greet(@Header(TwilioSignature.HEADER) String signed, @Body Object form) {
        signature.verifiedParameters(CALL_PATH, signed, form);
        return twiml(gather(prompts.text("voice-greeting", "nl", Map.of())) + toPerson());
    }

    /** What the caller said, as a resident message; null when nothing was understood. */
    public InboundMessage toInbound(@Header(TwilioSignature.HEADER) String signed, @Body Object form) {
        Map<String, String> params = signature.verifiedParameters(GATHER_PATH, signed, form);
        String callSid = params.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            throw new InvalidRequestException("CallSid", "'CallSid' is required.");
        }
        String speech = InboundText.clean(params.get("SpeechResult"));
        if (speech.isEmpty()) {
            return null;
        }
        if (speech.length() > contact.maxMessageLength()) {
            speech = speech.substring(0, contact.maxMessageLength());
        }
        String from = PhoneNumbers.toE164(params.get("From")).orElse(null);
        Identity identity = Callers.of(from, callSid);
        String relay = relays.relayOf(from).orElse(null);
        // Twilio retries a gather with the same call and the same words: that pair is the delivery id.
        String deliveryId = callSid + ":" + RedisKeys.hashed(speech);
        return InboundMessage.of(Channel.PHONE, identity, speech, OffsetDateTime.now(clock), deliveryId, callSid)
                .withRelay(relay).withLanguage("nl");
    }

    /** Nothing was understood: ask once more, then a person takes the call (speech does not work for everyone). */
    public HttpReply reprompt() {
        return twiml(gather(prompts.text("voice-no-speech", "nl", Map.of())) + toPerson());
    }

    /** Speak the answer, then listen for more; a hand-off connects the caller to a person. */
    public HttpReply reply(@Body Receipt receipt) {
        Reply reply = receipt.reply();
        if (reply.escalated()) {
            return twiml(say(reply.text()) + toPerson());
        }
        return twiml(say(reply.text()) + gather(prompts.text("voice-anything-else", "nl", Map.of()))
                + say(prompts.text("voice-goodbye", "nl", Map.of())));
    }

    /** Tells the caller they are put through, then dials the contact centre or joins its queue. */
    private String toPerson() {
        String connect = voice.handoffNumber() != null && !voice.handoffNumber().isBlank()
                ? "<Dial>" + TwiML.escape(voice.handoffNumber()) + "</Dial>"
                : "<Enqueue>" + TwiML.escape(voice.handoffQueue()) + "</Enqueue>";
        return say(prompts.text("voice-transfer", "nl", Map.of())) + connect;
    }

    private static HttpReply twiml(String verbs) {
        return HttpReply.of(200, TwiML.CONTENT_TYPE, TwiML.response(verbs));
    }

    private static String say(String text) {
        return "<Say language=\"nl-NL\">" + TwiML.escape(text) + "</Say>";
    }

    private static String gather(String prompt) {
        return "<Gather input=\"speech\" language=\"nl-NL\" speechTimeout=\"auto\" action=\"" + GATHER_PATH
                + "\" method=\"POST\">" + say(prompt) + "</Gather>";
    }
}
