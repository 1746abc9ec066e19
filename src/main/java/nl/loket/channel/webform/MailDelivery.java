package nl.loket.channel.webform;

import nl.loket.contact.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The one way Loket sends a plain-text e-mail: agent replies to forms and proactive notices alike. */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    boolean configured() {
        return properties.configured() && mail.getIfAvailable() != null;
    }

    /** Sends from the configured address; a refusing or unreachable server is a failure worth retrying. */
    DeliveryResult send(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !properties.configured()) {
            return DeliveryResult.failed("e-mail not configured", false);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return DeliveryResult.sent(null);
        } catch (MailException e) {
            log.warn("Mail server refused or was unreachable: {}", e.getClass().getSimpleName());
            return DeliveryResult.failed("mail server: " + e.getClass().getSimpleName(), true);
        }
    }
}
