package nl.loket.channel.sms;

import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Optional;

/**
 * Which stored agent reply a Twilio message id belongs to, so that Twilio's later status report (delivered,
 * undelivered) lands on the right message. Kept a week: Twilio reports within hours.
 */
@Component
class SmsStatuses {

    record SentReply(String conversationId, String messageId) { }

    private static final Duration KEEP = Duration.ofDays(7);

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    SmsStatuses(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    void remember(String messageSid, String conversationId, String messageId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(messageSid), conversationId + " " + messageId, SetParams.setParams().ex(KEEP.toSeconds()));
        }
    }

    Optional<SentReply> of(String messageSid) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(key(messageSid));
            if (value == null || value.indexOf(' ') < 0) {
                return Optional.empty();
            }
            return Optional.of(new SentReply(value.substring(0, value.indexOf(' ')), value.substring(value.indexOf(' ') + 1)));
        }
    }

    private String key(String messageSid) {
        return keys.key("sms", "sent", messageSid);
    }
}
