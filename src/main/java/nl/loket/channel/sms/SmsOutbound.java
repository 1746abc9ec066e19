package nl.loket.channel.sms;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;

/** Agent replies by SMS, to the resident's most recent phone number, through Twilio, which reports delivery later. */
@Component
class SmsOutbound implements OutboundChannel {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SmsOutbound.class);

    private final SmsSender sender;
    private final SmsStatuses statuses;
    private final TwilioProperties twilio;

    SmsOutbound(SmsSender sender, SmsStatuses statuses, TwilioProperties twilio) {
        this.sender = sender;
        this.statuses = statuses;
        this.twilio = twilio;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean reaches(Conversation conversation, Resident resident) {
        return phone(resident).isPresent();
    }

    @Override
    public DeliveryResult deliver(Conversation conversation, Resident resident, Message message) {
        Optional<String> phone = phone(resident);
        if (phone.isEmpty()) {
            return DeliveryResult.failed("no phone number", false);
        }
        // Twilio reports later whether the SMS reached the phone (signed, to SmsChannel.deliveryStatus).
        SmsSender.SendResult result = sender.send(phone.get(), message.text(),
                URI.create(twilio.webhookUrl(SmsChannel.STATUS_PATH)));
        if (!result.sent()) {
            return DeliveryResult.failed(result.failure(), true);
        }
        if (result.providerId() != null) {
            try {
                statuses.remember(result.providerId(), conversation.id(), message.id());
            } catch (RuntimeException e) {
                // Twilio has the SMS: a failure here must not read as a failed send, which is tried again and reaches
                // the resident twice (seen in a Redis failover). Only Twilio's later delivery report goes unmatched.
                log.warn("SMS {} sent, but its id was not kept for the delivery report: {}", result.providerId(), e.toString());
            }
        }
        return DeliveryResult.sent(result.providerId());
    }

    private static Optional<String> phone(Resident resident) {
        return resident.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.PHONE)
                .map(Identity::value)
                .reduce((a, b) -> b);
    }
}
