package nl.loket.channel.webform;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Agent replies to a contact form, by e-mail to the address the resident gave. Without an address (or
 * without a mail server configured) it does not reach the resident, and SMS is tried instead.
 */
@Component
class EmailOutbound implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbound.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties properties;

    EmailOutbound(ObjectProvider<JavaMailSender> mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.WEBFORM;
    }

    @Override
    public boolean reaches(Conversation conversation, Resident resident) {
        return email(resident).isPresent() && properties.configured() && mail.getIfAvailable() != null;
    }

    @Override
    public DeliveryResult deliver(Conversation conversation, Resident resident, Message message) {
        JavaMailSender sender = mail.getIfAvailable();
        Optional<String> to = email(resident);
        if (sender == null || to.isEmpty() || !properties.configured()) {
            return DeliveryResult.failed("e-mail not configured or no address", false);
        }
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(properties.from());
        mailMessage.setTo(to.get());
        mailMessage.setSubject("Reactie van de gemeente op uw bericht " + conversation.reference());
        mailMessage.setText(message.text() + "\n\nUw kenmerk: " + conversation.reference()
                + "\nU kunt op deze e-mail niet antwoorden; gebruik het contactformulier en noem uw kenmerk.");
        try {
            sender.send(mailMessage);
            return DeliveryResult.sent(null);
        } catch (MailException e) {
            log.warn("Mail server refused or was unreachable: {}", e.getClass().getSimpleName());
            return DeliveryResult.failed("mail server: " + e.getClass().getSimpleName(), true);
        }
    }

    private static Optional<String> email(Resident resident) {
        return resident.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.EMAIL)
                .map(Identity::value)
                .reduce((a, b) -> b);
    }
}
