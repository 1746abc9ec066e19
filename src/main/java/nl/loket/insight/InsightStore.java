package nl.loket.insight;

import nl.loket.contact.Channel;
import nl.loket.contact.RetentionProperties;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-day aggregates in Redis under {@code insight}: a hash of counters per day, lists of durations
 * (milliseconds) per day and measure, and the redacted questions the assistant could not answer. Counters
 * and durations hold no personal data and are kept {@code loket.insight.retention-days}; the questions are
 * redacted text and expire with the conversations ({@code loket.retention.conversation-days}).
 */
@Component
class InsightStore {

    /** A redacted question the assistant could not answer. */
    record Gap(String text, Channel channel, String language, String topic) { }

    /** One duration of one channel. */
    record Sample(Channel channel, long millis) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final InsightProperties properties;
    private final RetentionProperties retention;
    private final ZoneId zone;

    InsightStore(Pool<Jedis> pool, RedisKeys keys, Json json, InsightProperties properties, RetentionProperties retention,
                 java.time.Clock clock) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.properties = properties;
        this.retention = retention;
        this.zone = clock.getZone();
    }

    /** Adds to counters of one day; a field is {@code measure|CHANNEL|detail}. */
    void count(LocalDate day, Map<String, Long> increments) {
        if (increments.isEmpty()) {
            return;
        }
        String key = keys.key("insight", "day", day.toString());
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            increments.forEach((field, by) -> p.hincrBy(key, field, by));
            p.expireAt(key, expiry(day, properties.retentionDays()));
            p.sync();
        }
    }

    /** One measured duration, for {@link #record}. */
    record Measured(LocalDate day, String measure, Channel channel, long millis) { }

    /** Counts and samples of one event in one round trip. */
    void record(LocalDate day, Map<String, Long> increments, List<Measured> measured) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            for (Measured m : measured) {
                String key = keys.key("insight", "samples", m.measure(), m.day().toString());
                p.rpush(key, m.channel().name() + "|" + Math.max(0, m.millis()));
                p.expireAt(key, expiry(m.day(), properties.retentionDays()));
            }
            if (!increments.isEmpty()) {
                String key = keys.key("insight", "day", day.toString());
                increments.forEach((field, by) -> p.hincrBy(key, field, by));
                p.expireAt(key, expiry(day, properties.retentionDays()));
            }
            p.sync();
        }
    }

    void sample(LocalDate day, String measure, Channel channel, long millis) {
        String key = keys.key("insight", "samples", measure, day.toString());
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.rpush(key, channel.name() + "|" + Math.max(0, millis));
            p.expireAt(key, expiry(day, properties.retentionDays()));
            p.sync();
        }
    }

    void gap(LocalDate day, Gap gap) {
        String key = keys.key("insight", "gaps", day.toString());
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.rpush(key, json.write(gap));
            p.expireAt(key, expiry(day, retention.conversationDays()));
            p.sync();
        }
    }

    /** True the first time it is asked for this kind and id (a contact, a hand-off, a claim), so repeats count once. */
    boolean first(String kind, String id) {
        try (Jedis jedis = pool.getResource()) {
            return "OK".equals(jedis.set(keys.key("insight", "once", kind, id), "1",
                    SetParams.setParams().nx().ex(retention.conversationDays() * 86_400L)));
        }
    }

    /** Everything kept about one day. */
    record Day(LocalDate date, Map<String, Long> counters, Map<String, List<Sample>> samples, List<Gap> gaps) { }

    /** Reads the days of a period in one round trip (a year is a few thousand keys). */
    List<Day> read(LocalDate from, LocalDate to, List<String> measures) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            List<Response<Map<String, String>>> counters = new ArrayList<>();
            List<Map<String, Response<List<String>>>> samples = new ArrayList<>();
            List<Response<List<String>>> gaps = new ArrayList<>();
            for (LocalDate date : dates) {
                counters.add(p.hgetAll(keys.key("insight", "day", date.toString())));
                Map<String, Response<List<String>>> perMeasure = new HashMap<>();
                for (String measure : measures) {
                    perMeasure.put(measure, p.lrange(keys.key("insight", "samples", measure, date.toString()), 0, -1));
                }
                samples.add(perMeasure);
                gaps.add(p.lrange(keys.key("insight", "gaps", date.toString()), 0, -1));
            }
            p.sync();
            List<Day> out = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                Map<String, Long> c = new HashMap<>();
                counters.get(i).get().forEach((k, v) -> c.put(k, Long.parseLong(v)));
                Map<String, List<Sample>> s = new HashMap<>();
                samples.get(i).forEach((measure, entries) -> s.put(measure, entries.get().stream().map(InsightStore::sample).toList()));
                List<Gap> g = gaps.get(i).get().stream().map(json -> this.json.read(json, Gap.class)).toList();
                out.add(new Day(dates.get(i), c, s, g));
            }
            return out;
        }
    }

    private static Sample sample(String entry) {
        int bar = entry.indexOf('|');
        return new Sample(Channel.valueOf(entry.substring(0, bar)), Long.parseLong(entry.substring(bar + 1)));
    }

    /** Kept for {@code days} after the end of the day it counts. */
    private long expiry(LocalDate day, int days) {
        return day.plusDays(1L + days).atStartOfDay(zone).toEpochSecond();
    }
}
