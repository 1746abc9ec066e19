package nl.loket.support;

import nl.loket.platform.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Redis holds after a load run, checked against what residents were told: every acknowledged message stored
 * exactly once, no message stored twice, and every acknowledged request for a person with its hand-off task.
 */
public final class AcknowledgedMessages {

    private static final Pattern TOKEN = Pattern.compile("\\[(lt[0-9a-z]+x[0-9a-z]+)]");

    /**
     * @param acknowledged  messages that got a 2xx
     * @param lost          acknowledged messages not in Redis
     * @param duplicates    messages stored more than once
     * @param handoffs      acknowledged requests for a person
     * @param withoutTask   of those, how many have no task
     */
    public record Check(int acknowledged, List<String> lost, List<String> duplicates, int handoffs, List<String> withoutTask) { }

    private AcknowledgedMessages() { }

    public static Check check(Jedis master, String prefix, List<ResidentLoad.Sent> sent) {
        Map<String, Integer> stored = storedTokens(master, prefix);
        List<String> lost = new ArrayList<>();
        List<String> withoutTask = new ArrayList<>();
        int acknowledged = 0;
        int handoffs = 0;
        for (ResidentLoad.Sent s : sent) {
            if (!s.acknowledged()) {
                continue;
            }
            acknowledged++;
            if (!stored.containsKey(s.token())) {
                lost.add(s.token());
            }
            if (s.asksForPerson()) {
                handoffs++;
                if (!hasTask(master, prefix, s.chatSession())) {
                    withoutTask.add(s.token());
                }
            }
        }
        List<String> duplicates = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        return new Check(acknowledged, lost, duplicates, handoffs, withoutTask);
    }

    /** How often each load token occurs in residents' messages (direction IN). */
    static Map<String, Integer> storedTokens(Jedis master, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(prefix + ":conversation:*:messages").count(1000);
        do {
            ScanResult<String> page = master.scan(cursor, match);
            for (String key : page.getResult()) {
                for (String message : master.lrange(key, 0, -1)) {
                    if (!message.contains("\"direction\":\"IN\"")) {
                        continue;
                    }
                    Matcher m = TOKEN.matcher(message);
                    if (m.find()) {
                        counts.merge(m.group(1), 1, Integer::sum);
                    }
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return counts;
    }

    private static boolean hasTask(Jedis master, String prefix, String chatSession) {
        String conversation = master.get(prefix + ":thread:CHAT:" + RedisKeys.hashed(chatSession));
        if (conversation == null) {
            return false;
        }
        String task = master.get(prefix + ":handoff:conversation:" + conversation);
        return task != null && master.exists(prefix + ":handoff:task:" + task);
    }
}
