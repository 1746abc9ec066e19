package nl.loket.channel.sms;

import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.NoticeSender;
import org.springframework.stereotype.Component;

/** Proactive notices by SMS, through the same Twilio sender as agent replies. */
@Component
class SmsNotices implements NoticeSender {

    private final SmsSender sender;
    private final TwilioProperties properties;

    SmsNotices(SmsSender sender, TwilioProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.PHONE;
    }

    @Override
    public boolean configured() {
        return properties.sendingEnabled();
    }

    @Override
    public DeliveryResult send(Identity to, String subject, String text) {
        SmsSender.SendResult result = sender.send(to.value(), text);
        return result.sent() ? DeliveryResult.sent(result.providerId()) : DeliveryResult.failed(result.failure(), true);
    }
}
