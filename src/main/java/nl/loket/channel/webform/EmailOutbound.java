package nl.loket.channel.webform;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Agent replies to a contact form, by e-mail to the address the resident gave. Without an address (or
 * without a mail server configured) it does not reach the resident, and SMS is tried instead.
 */
@Component
class EmailOutbound implements OutboundChannel {

    private final MailDelivery mail;
    private final Prompts prompts;

    EmailOutbound(MailDelivery mail, Prompts prompts) {
        this.mail = mail;
        this.prompts = prompts;
    }

    @Override
    public Channel channel() {
        return Channel.WEBFORM;
    }

    @Override
    public boolean reaches(Conversation conversation, Resident resident) {
        return email(resident).isPresent() && mail.configured();
    }

    @Override
    public DeliveryResult deliver(Conversation conversation, Resident resident, Message message) {
        Optional<String> to = email(resident);
        if (to.isEmpty()) {
            return DeliveryResult.failed("no e-mail address", false);
        }
        String language = conversation.language() == null ? "nl" : conversation.language();
        Map<String, String> values = Map.of("reference", conversation.reference(), "text", message.text());
        return mail.send(to.get(), prompts.text("reply-email-subject", language, values).strip(),
                prompts.text("reply-email", language, values));
    }

    private static Optional<String> email(Resident resident) {
        return resident.identities().stream()
                .filter(i -> i.kind() == Identity.Kind.EMAIL)
                .map(Identity::value)
                .reduce((a, b) -> b);
    }
}
