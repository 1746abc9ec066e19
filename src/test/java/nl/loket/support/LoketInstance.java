package nl.loket.support;

import nl.loket.LoketApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Loket process of several: its own Spring context on its own port, with the Redis URL and key
 * prefix it is given, so tests can run two instances on one Redis, or one behind a {@link RedisProxy}.
 * Twilio webhooks are signed for the same public URL on every instance, as behind a load balancer.
 */
public final class LoketInstance implements AutoCloseable {

    public static final String TWILIO_TOKEN = LoketIntegrationTest.TWILIO_TOKEN;
    public static final String PUBLIC_URL = "https://loket.example.nl";
    public static final String AGENT_PASSWORD = "geheim-wachtwoord";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public LoketInstance(String redisUrl, String keyPrefix, String... extraArguments) {
        this(List.of(), redisUrl, keyPrefix, extraArguments);
    }

    /** With extra configuration classes beside the application (e.g. a benchmark's reference endpoint). */
    public LoketInstance(List<Class<?>> extraSources, String redisUrl, String keyPrefix, String... extraArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--loket.redis.key-prefix=" + keyPrefix,
                "--loket.twilio.auth-token=" + TWILIO_TOKEN,
                "--loket.twilio.webhook-base-url=" + PUBLIC_URL,
                "--loket.transcripts.inbox=target/instance-inbox-" + keyPrefix,
                "--loket.transcripts.secret=" + LoketIntegrationTest.TRANSCRIPT_SECRET,
                "--loket.agents[0].username=agent0", "--loket.agents[0].password={noop}" + AGENT_PASSWORD,
                "--loket.agents[0].roles[0]=AGENT",
                "--loket.agents[1].username=agent1", "--loket.agents[1].password={noop}" + AGENT_PASSWORD,
                "--loket.agents[1].roles[0]=AGENT"));
        if (redisUrl != null) {
            args.add("--loket.redis.url=" + redisUrl); // null: the extra arguments say where Redis is (Sentinel)
        }
        args.addAll(List.of(extraArguments));
        if (args.stream().noneMatch(a -> a.startsWith("--loket.rate-limit."))) {
            args.add("--loket.rate-limit.per-ip-per-minute=1000000"); // every test request comes from 127.0.0.1
        }
        if (args.stream().noneMatch(a -> a.startsWith("--loket.rate-limit.chat-sessions"))) {
            args.add("--loket.rate-limit.chat-sessions-per-ip-per-minute=1000000");
        }
        if (args.stream().noneMatch(a -> a.startsWith("--loket.knowledge.links.enabled"))) {
            args.add("--loket.knowledge.links.enabled=false"); // no test calls the municipality's site
        }
        if (args.stream().noneMatch(a -> a.startsWith("--loket.login.max-failures-per-address"))) {
            args.add("--loket.login.max-failures-per-address=1000000");
        }
        List<Class<?>> sources = new ArrayList<>(List.of(LoketApplication.class));
        sources.addAll(extraSources);
        this.context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))), headers);
    }

    /** A Twilio webhook signed for the public URL, as Twilio would send it to whichever instance. */
    public HttpResponse<String> postTwilio(String path, Map<String, String> params) {
        return postForm(path, params, "X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_URL + path, params));
    }

    /** A resident's chat session on this instance. */
    public record Chat(String id, String token) {
        public String[] bearer() {
            return new String[] {"Authorization", "Bearer " + token};
        }
    }

    public Chat openChat() {
        JsonNode session = JSON.readTree(postJson("/api/chat/sessions", "").body());
        return new Chat(session.get("sessionId").asString(), session.get("token").asString());
    }

    /** Sends a chat message; the response as it came, whatever its status. */
    public HttpResponse<String> sendChat(Chat chat, String text) {
        return postJson("/api/chat/sessions/" + chat.id() + "/messages", JSON.writeValueAsString(Map.of("text", text)),
                chat.bearer());
    }

    public HttpResponse<String> agentGet(String user, String path) {
        return get(path, basic(user));
    }

    public HttpResponse<String> agentPost(String user, String path, String json) {
        return postJson(path, json, basic(user));
    }

    public static String[] basic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":" + AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    public HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return TestHttp.send(http, builder.build());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Stops this instance as a crash would look to the others: its claims and locks stay in Redis. */
    @Override
    public void close() {
        context.close();
    }
}
