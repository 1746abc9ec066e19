package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import nl.loket.contact.ResidentNotices;
import nl.loket.platform.Broadcast;
import org.springframework.stereotype.Component;

/**
 * Agent replies in the chat. The reply is already stored on the conversation in Redis: storing it is delivering it,
 * on every instance alike. The resident's open chat page hears of it at once through its stream ({@link ChatStream},
 * a notice on {@link ResidentNotices#TOPIC} to every instance) and otherwise at its next look.
 */
@Component
class ChatOutbound implements OutboundChannel {

    private final Broadcast broadcast;

    ChatOutbound(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

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
        broadcast.publish(ResidentNotices.TOPIC, conversation.id());
        return DeliveryResult.sent(null);
    }
}
