package nl.loket.channel.sms;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Agent replies by SMS, to the resident's most recent phone number, through Twilio. */
@Component
class SmsOutbound implements OutboundChannel {

    private final SmsSender sender;

    SmsOutbound(SmsSender sender) {
        this.sender = sender;
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
        SmsSender.SendResult result = sender.send(phone.get(), message.text());
        return result.sent() ? DeliveryResult.sent(result.providerId()) : DeliveryResult.failed(result.failure(), true);
    }

    private static Optional<String> phone(Resident resident) {
        return resident.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.PHONE)
                .map(Identity::value)
                .reduce((a, b) -> b);
    }
}
