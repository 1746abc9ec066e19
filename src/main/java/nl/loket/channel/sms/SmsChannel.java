package nl.loket.channel.sms;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.ContactService;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.OptOutCommand;
import nl.loket.contact.OptOuts;
import nl.loket.contact.PhoneNumbers;
import nl.loket.contact.Receipt;
import nl.loket.platform.HttpReply;
import nl.loket.platform.InvalidRequestException;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * {@code POST /api/channels/twilio/sms}, called from {@code routes/sms.yaml}: the signed webhook becomes an
 * {@link InboundMessage} for the shared pipeline, and its receipt becomes TwiML. The answer never waits for
 * another module's reaction (a task's model summary runs later), so it stays well within Twilio's 15 s.
 */
@Component("smsChannel")
class SmsChannel {

    static final String PATH = "/api/channels/twilio/sms";
    static final String STATUS_PATH = "/api/channels/twilio/sms/status";

    private final TwilioSignature signature;
    private final Clock clock;
    private final ContactProperties properties;
    private final OptOuts optOuts;
    private final SmsStatuses statuses;
    private final ContactService contacts;

    SmsChannel(TwilioSignature signature, Clock clock, ContactProperties properties,
               OptOuts optOuts, SmsStatuses statuses, ContactService contacts) {
        this.statuses = statuses;
        this.contacts = contacts;
        this.signature = signature;
        this.clock = clock;
        this.properties = properties;
        this.optOuts = optOuts;
    }

    /** An SMS that is only an opt-out word (STOP, START, …): recorded, never passed to the assistant. */
    public record OptOutWord(String fromE164, OptOutCommand.Parsed command) { }

    /**
     * The {@link InboundMessage} for the pipeline, or an {@link OptOutWord} when the SMS is one; the route sends
     * the latter to {@link #optOut} instead of the pipeline ({@code routes/sms.yaml}).
     */
    public Object toInbound(@Header(TwilioSignature.HEADER) String signed, @Body Object form) {
        Map<String, String> params = signature.verifiedParameters(PATH, signed, form);
        String sid = params.get("MessageSid");
        if (sid == null || sid.isBlank()) {
            throw new InvalidRequestException("MessageSid", "'MessageSid' is required.");
        }
        String from = PhoneNumbers.toE164(params.get("From")).orElseThrow(() ->
                new InvalidRequestException("From", "'From' is not a valid phone number."));
        // SMS bodies are stored as sent, only control characters go; an empty SMS is still a contact.
        String text = InboundText.clean(params.get("Body"));
        var command = OptOutCommand.parse(text);
        if (command.isPresent()) {
            return new OptOutWord(from, command.get());
        }
        if (text.length() > properties.maxMessageLength()) {
            throw new MessageTooLongException("Body", properties.maxMessageLength());
        }
        return InboundMessage.of(Channel.SMS, Identity.phone(from), text, OffsetDateTime.now(clock), sid, null);
    }

    /**
     * {@code POST /api/channels/twilio/sms/status}: Twilio's signed report on an agent reply sent by SMS. "delivered"
     * and "undelivered"/"failed" are shown to the agent on the message (DELIVERED, UNDELIVERED); earlier states
     * (queued, sent) change nothing. An unknown message id is acknowledged and ignored.
     */
    public HttpReply deliveryStatus(@Header(TwilioSignature.HEADER) String signed, @Body Object form) {
        Map<String, String> params = signature.verifiedParameters(STATUS_PATH, signed, form);
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            throw new InvalidRequestException("MessageStatus", "'MessageSid' and 'MessageStatus' are required.");
        }
        DeliveryStatus shown = switch (status) {
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "undelivered", "failed" -> DeliveryStatus.UNDELIVERED;
            default -> null;
        };
        if (shown != null) {
            statuses.of(sid).ifPresent(reply -> contacts.recordDelivery(reply.conversationId(), reply.messageId(), shown));
        }
        return HttpReply.of(200, TwiML.CONTENT_TYPE, TwiML.response(""));
    }

    /** Records an opt-out word and confirms it in TwiML (nothing when nothing changed). */
    public HttpReply optOut(@Body OptOutWord word) {
        OptOuts.Change change = optOuts.record(Identity.phone(word.fromE164()), word.command().command(), Channel.SMS,
                word.command().word());
        return HttpReply.of(200, TwiML.CONTENT_TYPE, TwiML.message(change.confirmation()));
    }

    /** The answer to the stored SMS as TwiML; Twilio sends it to the resident. */
    public HttpReply reply(@Body Receipt receipt) {
        return HttpReply.of(200, TwiML.CONTENT_TYPE, TwiML.message(receipt.reply().text()));
    }
}
