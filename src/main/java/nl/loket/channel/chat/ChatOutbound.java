package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

import java.util.Map;

/**
 * Agent replies in the chat. The reply is already stored on the conversation, so the resident's
 * GET of the session's messages shows it; a Redis pub/sub notice on {@code chat:push:{conversationId}}
 * tells whichever instance holds the resident's live connection to push it. Ids only in the notice.
 */
@Component
class ChatOutbound implements OutboundChannel {

    private final JedisPool pool;
    private final RedisKeys keys;
    private final Json json;

    ChatOutbound(JedisPool pool, RedisKeys keys, Json json) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
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
        try (Jedis jedis = pool.getResource()) {
            jedis.publish(keys.key("chat", "push", conversation.id()),
                    json.write(Map.of("conversationId", conversation.id(), "messageId", message.id())));
        }
        return DeliveryResult.sent(null);
    }
}
