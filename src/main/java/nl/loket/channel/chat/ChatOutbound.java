package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.springframework.stereotype.Component;

/**
 * Agent replies in the chat. The reply is already stored on the conversation in Redis, and the
 * resident's chat page asks for new messages every few seconds, from whichever instance answers:
 * storing it is delivering it, on every instance alike.
 */
@Component
class ChatOutbound implements OutboundChannel {

    @Override
    public Channel channel() {
        return Channel.CHAT;
    }

    @Override
    public boolean reaches(Conversation conversation, Resident resident) {
        return true;
    }

    @Override
    public DeliveryResult deliver(Conversation conversation, Resident resident, Message message) {
        return DeliveryResult.sent(null);
    }
}
