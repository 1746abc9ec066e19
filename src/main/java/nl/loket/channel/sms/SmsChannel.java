package nl.loket.channel.sms;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.OptOutCommand;
import nl.loket.contact.OptOuts;
import nl.loket.contact.PhoneNumbers;
import nl.loket.contact.Receipt;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code POST /api/channels/twilio/sms}, called from {@code routes/sms.yaml}. */
@Component("smsChannel")
class SmsChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    static final String PATH = "/api/channels/twilio/sms";

    /** Works out answers so the webhook can stop waiting; when all are busy the webhook's own thread works. */
    private final ExecutorService answering = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "sms-answer");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private final TwilioSignature signature;
    private final HttpResponses responses;
    private final Clock clock;
    private final ContactProperties properties;
    private final OptOuts optOuts;
    private final ContactService contacts;
    private final SmsSender sender;
    private final TwilioProperties twilio;

    SmsChannel(TwilioSignature signature, HttpResponses responses, Clock clock, ContactProperties properties,
               OptOuts optOuts, ContactService contacts, SmsSender sender, TwilioProperties twilio) {
        this.signature = signature;
        this.responses = responses;
        this.clock = clock;
        this.properties = properties;
        this.optOuts = optOuts;
        this.contacts = contacts;
        this.sender = sender;
        this.twilio = twilio;
    }

    /**
     * The {@link InboundMessage} for the pipeline, or, when the SMS is an opt-out word (STOP, START, …),
     * the TwiML confirmation: the word is recorded, never passed to the assistant, and the route stops here.
     */
    public Object toInbound(Exchange exchange) {
        Map<String, String> params = signature.verifiedParameters(exchange, PATH);
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
            OptOuts.Change change = optOuts.record(Identity.phone(from), command.get().command(), Channel.SMS,
                    command.get().word());
            responses.text(exchange, 200, TwiML.CONTENT_TYPE, TwiML.message(change.confirmation()));
            exchange.setRouteStop(true);
            return exchange.getMessage().getBody();
        }
        if (text.length() > properties.maxMessageLength()) {
            throw new MessageTooLongException("Body", properties.maxMessageLength());
        }
        return new InboundMessage(Channel.SMS, List.of(Identity.phone(from)), text, OffsetDateTime.now(clock), sid,
                null, null, null, AuthorRole.RESIDENT, null, null, Map.of(), List.of());
    }

    /**
     * Stores and answers the SMS within {@code loket.twilio.reply-within} (Twilio gives up after 15 s). When the
     * message is stored but its answer takes longer, the webhook gets empty TwiML and the answer follows through
     * Twilio's API. A message that is not even stored by then is never acknowledged: the failure (503) says so.
     */
    public void answer(Exchange exchange) throws Exception {
        InboundMessage inbound = exchange.getMessage().getBody(InboundMessage.class);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        CompletableFuture<Receipt> answered = CompletableFuture.supplyAsync(
                () -> contacts.receiveSignallingStored(inbound, () -> stored.complete(null)), answering);
        try {
            reply(exchange, answered.get(twilio.replyWithin().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException slow) {
            if (!stored.isDone()) {
                // Not stored yet: a 2xx now could lose the message. Wait for the outcome, success or failure.
                reply(exchange, unwrapped(answered));
                return;
            }
            log.warn("Answer to SMS {} took longer than {}; acknowledged, the answer follows by API",
                    inbound.providerId(), twilio.replyWithin());
            answered.thenAccept(receipt -> sendLate(inbound, receipt));
            responses.text(exchange, 200, TwiML.CONTENT_TYPE, TwiML.response(""));
        } catch (ExecutionException failed) {
            throw rethrown(failed);
        }
    }

    private void reply(Exchange exchange, Receipt receipt) {
        responses.text(exchange, 200, TwiML.CONTENT_TYPE, TwiML.message(receipt.reply().text()));
    }

    private void sendLate(InboundMessage inbound, Receipt receipt) {
        String text = receipt.reply().text();
        if (text == null || text.isBlank()) {
            return;
        }
        SmsSender.SendResult result = sender.send(inbound.identities().get(0).value(), text);
        if (!result.sent()) {
            log.warn("Late answer to SMS {} in conversation {} not sent: {}", inbound.providerId(),
                    receipt.conversation().id(), result.failure());
        }
    }

    private static Receipt unwrapped(CompletableFuture<Receipt> answered) throws Exception {
        try {
            return answered.get();
        } catch (ExecutionException failed) {
            throw rethrown(failed);
        }
    }

    /** The pipeline's own failure (Redis away, a bad request), so the route's error handling answers it as usual. */
    private static Exception rethrown(ExecutionException failed) {
        return failed.getCause() instanceof Exception e ? e : failed;
    }
}
