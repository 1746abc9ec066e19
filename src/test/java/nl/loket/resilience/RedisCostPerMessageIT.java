package nl.loket.resilience;

import nl.loket.platform.reactions.ReactionRounds;
import nl.loket.support.LoketInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one resident message costs in Redis, counted by the server itself on a private {@code redis-server}: round
 * trips (the server's read events: a pipeline or a MULTI sent at once is one) and commands (listed per message from
 * {@code MONITOR}), the reacting modules' work for the message included. A count, not a timing: the background jobs
 * and the reactions' polling are switched off and the reactions run one round per group after each message, as they
 * do for a message on a quiet instance (under load one round serves several messages and costs less per message).
 */
class RedisCostPerMessageIT {

    static final int MESSAGES = 10;
    static final int MAX_ROUND_TRIPS = 20;
    /** Timers the settings above cannot switch off (broadcast keep-alive, replica count, campaign sender, knowledge release). */
    static final List<String> BACKGROUND = List.of("PING", "INFO", "SMEMBERS loket-cost:outreach:running",
            "GET loket-cost:knowledge:release", "HGETALL loket-cost:knowledge:published");
    static final List<String> QUESTIONS = List.of("Hoe vraag ik een paspoort aan?", "Wanneer wordt het grofvuil opgehaald?",
            "Hoe krijg ik een parkeervergunning?", "Ik ga verhuizen, wat moet ik doen?", "Mijn container is niet geleegd");

    static Process redis;
    static String redisUrl;
    static Jedis control;
    static String controlAddress;
    static Jedis monitorConnection;
    static final ConcurrentLinkedQueue<String> monitored = new ConcurrentLinkedQueue<>();
    static LoketInstance loket;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("loket-cost-redis");
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        redisUrl = "redis://127.0.0.1:" + port;
        control = connect();
        controlAddress = field(control.clientInfo(), "addr");
        loket = new LoketInstance(redisUrl, "loket-cost",
                "--loket.reactions.poll-interval=1h", "--loket.reactions.retry-after=1h",
                "--loket.redis.health-interval=1h", "--loket.offers.sweep-interval=1h",
                "--loket.contact.idle-sweep-interval=1h", "--loket.callbacks.due-check-interval=1h",
                "--loket.handoff.reclaim-interval=1h", "--loket.handoff.repair-interval=1h",
                "--loket.assistant.messages-per-minute=1000000", "--logging.level.nl.loket=WARN");
        monitorConnection = new Jedis(URI.create(redisUrl));
        Thread monitor = new Thread(() -> {
            try {
                monitorConnection.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String command) {
                        monitored.add(command);
                    }
                });
            } catch (RuntimeException closed) {
                // the test is over
            }
        }, "redis-monitor");
        monitor.setDaemon(true);
        monitor.start();
        // Warm up: classes loaded, groups and caches in place, the monitor running.
        LoketInstance.Chat chat = loket.openChat();
        loket.sendChat(chat, QUESTIONS.get(0));
        sms("+31612340000", QUESTIONS.get(0));
        ReactionRounds.everyGroupOnce(loket.context());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (monitored.isEmpty() && System.nanoTime() < deadline) {
            control.ping();
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (loket != null) {
            loket.close();
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void aChatMessageCostsAtMostTwentyRedisRoundTrips() throws Exception {
        LoketInstance.Chat chat = loket.openChat();
        loket.sendChat(chat, QUESTIONS.get(0));
        ReactionRounds.everyGroupOnce(loket.context());
        Cost cost = measure("chat message in an open session", i -> loket.sendChat(chat, QUESTIONS.get(i % QUESTIONS.size())).statusCode());
        assertThat(cost.roundTripsPerMessage()).as("Redis round trips per chat message").isLessThanOrEqualTo(MAX_ROUND_TRIPS);
    }

    @Test
    void anSmsCostsAtMostTwentyRedisRoundTrips() throws Exception {
        String phone = "+3161" + (1_000_000 + (int) (Math.random() * 8_000_000));
        sms(phone, QUESTIONS.get(0));
        ReactionRounds.everyGroupOnce(loket.context());
        Cost cost = measure("SMS from a resident with an open conversation", i -> sms(phone, QUESTIONS.get(i % QUESTIONS.size())));
        assertThat(cost.roundTripsPerMessage()).as("Redis round trips per SMS").isLessThanOrEqualTo(MAX_ROUND_TRIPS);
    }

    interface Sender {
        int send(int i) throws Exception;
    }

    record Cost(double roundTripsPerMessage, double commandsPerMessage) { }

    /** Sends the messages one at a time, each followed by one round of the reactions, and counts what Redis did. */
    static Cost measure(String what, Sender sender) throws Exception {
        settle();
        monitored.clear();
        long before = reads();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(sender.send(i)).as(what + " answered").isEqualTo(200);
            ReactionRounds.everyGroupOnce(loket.context());
        }
        settle();
        long after = reads();
        long own = 2; // the ECHO of settle() and the INFO of reads(), on the control connection
        Map<String, Integer> byCommand = new TreeMap<>();
        int sent = 0;
        int background = 0;
        for (String line : monitored) {
            if (line.contains(controlAddress)) {
                continue;
            }
            String signature = signature(line);
            if (BACKGROUND.stream().anyMatch(signature::startsWith)) {
                background++; // a timer's single command, one read each
                continue;
            }
            boolean inScript = line.contains(" lua] ");
            byCommand.merge(inScript ? "  (in a script) " + signature : signature, 1, Integer::sum);
            sent += inScript ? 0 : 1;
        }
        double roundTrips = (after - before - own - background) / (double) MESSAGES;
        double perMessage = sent / (double) MESSAGES;
        StringBuilder s = new StringBuilder(String.format("%n%s: %.1f Redis round trips, %.1f commands per message%n",
                what, roundTrips, perMessage));
        byCommand.forEach((command, n) -> s.append(String.format("  %5.1f  %s%n", n / (double) MESSAGES, command)));
        System.out.println(s);
        return new Cost(roundTrips, perMessage);
    }

    /** The monitor has printed everything sent so far: it shows an ECHO of the control connection last. */
    static void settle() throws InterruptedException {
        String marker = "settle-" + UUID.randomUUID();
        control.echo(marker);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (monitored.stream().noneMatch(l -> l.contains(marker)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The command and its key with ids, digests and numbers left out, e.g. {@code SET loket-cost:conversation:*}. */
    static String signature(String line) {
        List<String> tokens = tokens(line, 4);
        if (tokens.isEmpty()) {
            return line;
        }
        String command = tokens.get(0).toUpperCase();
        String key = tokens.size() > 1 ? tokens.get(1) : "";
        if ((command.equals("EVAL") || command.equals("EVALSHA")) && tokens.size() > 3) {
            key = tokens.get(3) + "  (script " + tokens.get(1).substring(0, Math.min(30, tokens.get(1).length())) + "…)";
        }
        key = key.replaceAll("[0-9a-f]{16,}", "*").replaceAll("[A-Za-z0-9_-]{20,}", "*").replaceAll("\\b\\d{4,}(-\\d+)?\\b", "#");
        return command + " " + key;
    }

    /** The first quoted arguments of a MONITOR line ({@code 1.2 [0 127.0.0.1:1234] "set" "key" "value"}). */
    static List<String> tokens(String line, int max) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = null;
        for (int i = 0; i < line.length() && tokens.size() < max; i++) {
            char c = line.charAt(i);
            if (token == null) {
                if (c == '"') {
                    token = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                token.append(line.charAt(++i));
            } else if (c == '"') {
                tokens.add(token.toString());
                token = null;
            } else {
                token.append(c);
            }
        }
        return tokens;
    }

    static int sms(String phone, String text) {
        return loket.postTwilio("/api/channels/twilio/sms", Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", phone, "Body", text)).statusCode();
    }

    static long reads() {
        return Long.parseLong(field(control.info("stats"), "total_reads_processed"));
    }

    static String field(String info, String name) {
        for (String part : info.split("[\\r\\n ]+")) {
            int at = part.indexOf(name + (name.equals("addr") ? "=" : ":"));
            if (at == 0) {
                return part.substring(name.length() + 1).strip();
            }
        }
        throw new IllegalStateException(name + " not in " + info);
    }

    static Jedis connect() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                Jedis jedis = new Jedis(URI.create(redisUrl));
                jedis.ping();
                return jedis;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
