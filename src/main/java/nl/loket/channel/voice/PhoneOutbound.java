package nl.loket.channel.voice;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.springframework.stereotype.Component;

/**
 * A phone contact cannot be answered in writing by Loket itself: the reply stays on the record as what
 * the agent tells the resident, and the task is marked for a call back ("terugbellen").
 */
@Component
class PhoneOutbound implements OutboundChannel {

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public boolean reaches(Conversation conversation, Resident resident) {
        return true;
    }

    @Override
    public DeliveryResult deliver(Conversation conversation, Resident resident, Message message) {
        return DeliveryResult.callback("terugbellen");
    }
}
