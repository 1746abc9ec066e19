package nl.loket.channel.webform;

import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.NoticeSender;
import org.springframework.stereotype.Component;

/** Proactive notices by e-mail, through the same mail server and sender address as answers to forms. */
@Component
class EmailNotices implements NoticeSender {

    private final MailDelivery mail;

    EmailNotices(MailDelivery mail) {
        this.mail = mail;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.EMAIL;
    }

    @Override
    public boolean configured() {
        return mail.configured();
    }

    @Override
    public DeliveryResult send(Identity to, String subject, String text) {
        return mail.send(to.value(), subject, text);
    }
}
