package nl.loket.channel.webform;

import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.NoticeSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Proactive notices by e-mail, through the same mail server and sender address as answers to forms. */
@Component
class EmailNotices implements NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(EmailNotices.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties properties;

    EmailNotices(ObjectProvider<JavaMailSender> mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.EMAIL;
    }

    @Override
    public boolean configured() {
        return properties.configured() && mail.getIfAvailable() != null;
    }

    @Override
    public DeliveryResult send(Identity to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !properties.configured()) {
            return DeliveryResult.failed("e-mail not configured", false);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.value());
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
