package nl.loket.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Residents writing to Loket at a steady rate through a load balancer (each request to the next instance): chat
 * residents (a session, ten messages, a new session) and SMS residents (Twilio webhooks). Every message carries a
 * token of its own, so a check can count it in Redis afterwards. A message that is not answered 2xx is sent again
 * the way the real clients do, with the same identity: the chat page with the same {@code Idempotency-Key}, Twilio
 * with the same MessageSid (here after {@link #RESEND_AFTER} instead of Twilio's minutes). Every HTTP attempt is
 * recorded with its time and status.
 */
public final class ResidentLoad implements AutoCloseable {

    static final Duration RESEND_AFTER = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MESSAGES_PER_CHAT = 10;

    /** One HTTP request: when it started and ended (System.nanoTime), and its status (0: no answer). */
    public record Attempt(long startNanos, long endNanos, int status) {
        public double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    /** One resident message and how it ended: acknowledged (2xx) or not, and whether it asked for a person. */
    public record Sent(String token, boolean sms, boolean asksForPerson, String chatSession, boolean acknowledged) { }

    private final List<LoketInstance> instances;
    private final int residents;
    private final Duration interval;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong tokens = new AtomicLong();
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running;

    /**
     * @param perSecond messages per second, all residents together (a fifth of them by SMS)
     * @param residents residents writing at once; each waits between its messages so that together they keep the rate
     */
    public ResidentLoad(List<LoketInstance> instances, int perSecond, int residents) {
        this.instances = List.copyOf(instances);
        this.residents = residents;
        this.interval = Duration.ofNanos(1_000_000_000L * residents / perSecond);
    }

    public ResidentLoad start() {
        running = true;
        for (int i = 0; i < residents; i++) {
            boolean sms = i % 5 == 4;
            int resident = i;
            Thread t = new Thread(() -> write(resident, sms), "resident-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    /** Stops starting messages; a message under way is finished (resent until acknowledged, at most 30 s). */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(40).toMillis());
        }
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    private void write(int resident, boolean sms) {
        String phone = "+3164" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String[] chat = null;
        int inChat = 0;
        long due = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval.toNanos());
        while (running) {
            pauseUntil(due);
            due += interval.toNanos();
            long n = tokens.incrementAndGet();
            String token = "lt" + run + "x" + Long.toString(n, 36);
            // Every eighth message of a chat asks for a person: a hand-off whose task must exist once acknowledged.
            boolean asksForPerson = !sms && inChat == 3 && resident % 2 == 0;
            String text = (asksForPerson ? "Ik wil een medewerker spreken over mijn uitkering " : question(n)) + " [" + token + "]";
            if (sms) {
                String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
                boolean ok = untilAcknowledged(() -> postTwilio(sid, phone, text));
                sent.add(new Sent(token, true, false, null, ok));
                continue;
            }
            if (chat == null || inChat == MESSAGES_PER_CHAT) {
                String[] opened = new String[1];
                if (!untilAcknowledged(() -> {
                    HttpResponse<String> r = post("/api/chat/sessions", "", Map.of());
                    if (r.statusCode() == 201) {
                        JsonNode s = JSON.readTree(r.body());
                        opened[0] = s.get("sessionId").asString() + " " + s.get("token").asString();
                    }
                    return r.statusCode();
                })) {
                    continue;
                }
                chat = opened[0].split(" ");
                inChat = 0;
            }
            inChat++;
            String[] session = chat;
            String key = UUID.randomUUID().toString();
            boolean ok = untilAcknowledged(() -> post("/api/chat/sessions/" + session[0] + "/messages",
                    JSON.writeValueAsString(Map.of("text", text)),
                    Map.of("Authorization", "Bearer " + session[1], "Idempotency-Key", key)).statusCode());
            sent.add(new Sent(token, false, asksForPerson, session[0], ok));
        }
    }

    private static final List<String> QUESTIONS = List.of("Hoe vraag ik een paspoort aan?",
            "Wanneer wordt het grofvuil opgehaald?", "Hoe krijg ik een parkeervergunning?",
            "Ik ga verhuizen, wat moet ik doen?", "Mijn container is niet geleegd");

    private static String question(long n) {
        return QUESTIONS.get((int) (n % QUESTIONS.size()));
    }

    interface Request {
        int send() throws Exception;
    }

    /** Sends until a 2xx, as the clients do; true when acknowledged within 30 s after the load stopped. */
    private boolean untilAcknowledged(Request request) {
        long giveUp = Long.MAX_VALUE;
        while (true) {
            long started = System.nanoTime();
            int status;
            try {
                status = request.send();
            } catch (Exception e) {
                status = 0;
            }
            attempts.add(new Attempt(started, System.nanoTime(), status));
            if (status >= 200 && status < 300) {
                return true;
            }
            if (!running && giveUp == Long.MAX_VALUE) {
                giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            if (System.nanoTime() > giveUp) {
                return false;
            }
            pauseUntil(System.nanoTime() + RESEND_AFTER.toNanos());
        }
    }

    private int postTwilio(String sid, String phone, String text) throws Exception {
        Map<String, String> params = Map.of("MessageSid", sid, "From", phone, "To", "+3197010000000", "Body", text);
        LoketInstance instance = nextInstance();
        String path = "/api/channels/twilio/sms";
        String body = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .reduce((a, b) -> a + "&" + b).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url(path))).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(LoketInstance.TWILIO_TOKEN, LoketInstance.PUBLIC_URL + path, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextInstance().url(path))).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private LoketInstance nextInstance() {
        return instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void pauseUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    // ---- figures ----

    /** The 99th percentile of the attempts whose start matches, in ms (NaN when none). */
    public static double p99(List<Attempt> attempts, LongPredicate startedWhen) {
        double[] ms = attempts.stream().filter(a -> startedWhen.test(a.startNanos())).mapToDouble(Attempt::millis).sorted().toArray();
        return ms.length == 0 ? Double.NaN : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
    }

    public static double percentile(double[] sortedMillis, double p) {
        return sortedMillis.length == 0 ? Double.NaN
                : sortedMillis[Math.min(sortedMillis.length - 1, Math.max(0, (int) Math.ceil(sortedMillis.length * p) - 1))];
    }

    /**
     * The unavailability window after {@code sinceNanos}: from the end of the first attempt that was not a 2xx to
     * the end of the first 2xx that started after it. Empty when every attempt succeeded.
     */
    public static java.util.Optional<long[]> window(List<Attempt> attempts, long sinceNanos) {
        List<Attempt> after = attempts.stream().filter(a -> a.startNanos() >= sinceNanos)
                .sorted(java.util.Comparator.comparingLong(Attempt::endNanos)).toList();
        Attempt firstFailure = after.stream().filter(a -> a.status() < 200 || a.status() >= 300).findFirst().orElse(null);
        if (firstFailure == null) {
            return java.util.Optional.empty();
        }
        return after.stream().filter(a -> a.status() >= 200 && a.status() < 300 && a.startNanos() > firstFailure.endNanos())
                .findFirst().map(ok -> new long[] {firstFailure.endNanos(), ok.endNanos()});
    }

    /** How many attempts ended with each status (0: no answer), e.g. {200=1400, 503=31}. */
    public static Map<Integer, Long> statuses(List<Attempt> attempts) {
        return attempts.stream().collect(java.util.stream.Collectors.groupingBy(Attempt::status, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return "ResidentLoad" + Arrays.asList(residents, interval);
    }
}
