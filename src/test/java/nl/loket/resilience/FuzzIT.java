package nl.loket.resilience;

import nl.loket.support.HandoffIntegrationTest;
import nl.loket.support.TwilioSigner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random, huge, wrongly typed and broken requests on every public endpoint, from a seeded generator so a
 * failure can be replayed ({@code -Dloket.fuzz.seed=…}, {@code -Dloket.fuzz.requests=…}). Never a 5xx;
 * every refusal of an API is problem+json; afterwards the stores still read and write as before.
 */
class FuzzIT extends HandoffIntegrationTest {

    static final long SEED = Long.getLong("loket.fuzz.seed", 20261129L);
    static final int REQUESTS = Integer.getInteger("loket.fuzz.requests", 1500);
    static final String[] METHODS = {"GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH"};
    static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded", "text/plain", "application/xml", "multipart/form-data",
            "application/json; charset=ISO-8859-1", "application/problem+json", "", "image/png", "*/*",
            "application/x-www-form-urlencoded; charset=UTF-16"};

    final Random random = new Random(SEED);

    @Test
    void randomRequestsOnEveryEndpointNeverGiveA5xxAndLeaveTheStoresIntact() {
        Chat before = chat();
        say(before, "Hoe vraag ik een paspoort aan?");
        JsonNode messagesBefore = chatMessages(before);
        String escalated = say(chat(), "Ik wil een medewerker spreken").get("escalation").get("reference").asString();

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Attempt attempt = nextAttempt(before);
            HttpResponse<String> r = send(attempt);
            String problem = check(attempt, r);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + attempt.describe() + " -> " + r.statusCode() + " "
                        + r.headers().firstValue("Content-Type").orElse("") + ": " + problem + " "
                        + abbreviate(r.body()));
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();

        // The stores still read and write.
        // Valid fuzzed messages may have been added with the session's token; what was there is unchanged.
        JsonNode messagesAfter = chatMessages(before);
        assertThat(messagesAfter.size()).isGreaterThanOrEqualTo(messagesBefore.size());
        for (int i = 0; i < messagesBefore.size(); i++) {
            assertThat(messagesAfter.get(i)).isEqualTo(messagesBefore.get(i));
        }
        Chat after = chat();
        assertThat(say(after, "Wanneer wordt het grofvuil opgehaald?").get("text").asString()).isNotBlank();
        assertThat(chatMessages(after)).hasSize(2);
        // The fuzzed "next" calls may have claimed it; it is still there, waiting or claimed.
        HttpResponse<String> waiting = agentGet("agent0", "/api/agent/handoffs?status=WAITING");
        HttpResponse<String> claimed = agentGet("agent0", "/api/agent/handoffs?status=CLAIMED");
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(waiting.body() + claimed.body()).contains(escalated);
        assertThat(sms(randomMobile(), "Hoe vraag ik een paspoort aan?")).contains("<Response>");
    }

    /** Inputs the random run found once (a seed may not meet them again): each a 4xx problem, never a 500. */
    @Test
    void wrongTypesWhereTimesAreExpectedAreRefused() {
        String[] bodies = {
                "{\"callId\":\"c1\",\"from\":\"+31612345678\",\"startedAt\":{\"a\":1,\"b\":2},\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hallo\"}]}",
                "{\"callId\":\"c2\",\"from\":\"+31612345678\",\"endedAt\":[1,2],\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hallo\"}]}",
                "{\"callId\":\"c3\",\"from\":\"+31612345678\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hallo\",\"at\":{}}]}"};
        for (String body : bodies) {
            HttpResponse<String> r = postTranscript(body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    record Attempt(String method, String path, String contentType, byte[] body, Map<String, String> headers,
                   boolean twiml, boolean page) {

        HttpRequest request(String base) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (!contentType.isEmpty()) {
                b.header("Content-Type", contentType);
            }
            headers.forEach(b::header);
            return b.build();
        }

        String describe() {
            return method + " " + abbreviate(path) + " [" + contentType + "] " + (body == null ? 0 : body.length) + " bytes "
                    + headers.keySet();
        }
    }

    private HttpResponse<String> send(Attempt attempt) {
        return send(attempt.request("http://localhost:" + port));
    }

    /** Why the response is wrong, or null. */
    private static String check(Attempt attempt, HttpResponse<String> r) {
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return "server error";
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at nl.loket.")) {
            return "stack trace or exception name in the body";
        }
        if (status >= 400 && !attempt.page() && status != 404 && status != 405 && !type.startsWith("application/problem+json")) {
            return "refusal is not problem+json";
        }
        if (status >= 400 && !attempt.page() && (status == 404 || status == 405) && !r.body().isEmpty()
                && !type.startsWith("application/problem+json") && !type.startsWith("application/json")) {
            return "refusal with an unexpected body";
        }
        if (status >= 200 && status < 300 && attempt.twiml() && !type.startsWith("text/xml") && !type.startsWith("application/xml")) {
            return "Twilio answer is not TwiML";
        }
        return null;
    }

    private Attempt nextAttempt(Chat chat) {
        int target = random.nextInt(14);
        String sessionId = random.nextInt(4) == 0 ? randomText(random.nextInt(40)) : chat.id();
        String encodedSession = URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(3) > 0) {
            headers.put("Authorization", random.nextInt(3) > 0 ? "Bearer " + chat.token() : randomHeaderValue());
        }
        String method = METHODS[random.nextInt(METHODS.length)];
        String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        return switch (target) {
            case 0 -> new Attempt(method, "/api/chat/sessions", contentType, body(contentType), headers, false, false);
            case 1, 2 -> new Attempt(method, "/api/chat/sessions/" + encodedSession + "/messages", contentType,
                    body(contentType), headers, false, false);
            case 3 -> new Attempt(method, "/api/chat/sessions/" + encodedSession + "/satisfaction", contentType,
                    body(contentType), headers, false, false);
            case 4, 5 -> new Attempt(method, "/api/forms/contact", contentType, body(contentType), headers, false, false);
            case 6 -> new Attempt(method, "/api/channels/transcripts", contentType, body(contentType), headers, false, false);
            case 7, 8 -> twilio("/api/channels/twilio/sms");
            case 9 -> twilio(random.nextBoolean() ? "/api/channels/twilio/voice" : "/api/channels/twilio/voice/gather");
            case 10 -> agent(method, contentType);
            case 11 -> new Attempt(random.nextBoolean() ? "POST" : "GET", "/contact",
                    random.nextBoolean() ? "application/x-www-form-urlencoded" : contentType, body(contentType), Map.of(), false, true);
            case 12 -> new Attempt("GET", "/chat?embed=" + URLEncoder.encode(randomText(5), StandardCharsets.UTF_8)
                    + "&lang=" + URLEncoder.encode(randomText(5), StandardCharsets.UTF_8), "", null, Map.of(), false, true);
            default -> new Attempt(method, "/api/" + URLEncoder.encode(randomText(12), StandardCharsets.UTF_8), contentType,
                    body(contentType), headers, false, false);
        };
    }

    /** A Twilio webhook: mostly correctly signed with random parameters, sometimes unsigned or badly signed. */
    private Attempt twilio(String path) {
        Map<String, String> params = new TreeMap<>();
        String[] names = {"MessageSid", "From", "Body", "CallSid", "SpeechResult", "To", "Confidence", randomText(6)};
        for (String name : names) {
            if (random.nextInt(3) > 0) {
                params.put(name, switch (random.nextInt(5)) {
                    case 0 -> randomMobile();
                    case 1 -> "SM" + Long.toHexString(random.nextLong());
                    default -> randomText(random.nextInt(random.nextInt(10) == 0 ? 5000 : 200));
                });
            }
        }
        params.remove("");
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        switch (random.nextInt(5)) {
            case 0 -> { }
            case 1 -> headers.put("X-Twilio-Signature", randomHeaderValue());
            default -> headers.put("X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, "https://loket.example.nl" + path, params));
        }
        byte[] body = random.nextInt(8) == 0 ? randomBytes(random.nextInt(3000)) : form.getBytes(StandardCharsets.UTF_8);
        return new Attempt("POST", path, random.nextInt(8) == 0 ? "application/json" : "application/x-www-form-urlencoded",
                body, headers, true, false);
    }

    private Attempt agent(String method, String contentType) {
        String[] paths = {"/api/agent/handoffs", "/api/agent/handoffs?status=" + URLEncoder.encode(randomText(8), StandardCharsets.UTF_8),
                "/api/agent/handoffs/" + URLEncoder.encode(randomText(20), StandardCharsets.UTF_8),
                "/api/agent/handoffs/" + URLEncoder.encode(randomText(20), StandardCharsets.UTF_8) + "/claim",
                "/api/agent/handoffs/" + URLEncoder.encode(randomText(20), StandardCharsets.UTF_8) + "/messages",
                "/api/agent/handoffs/" + URLEncoder.encode(randomText(20), StandardCharsets.UTF_8) + "/close",
                "/api/agent/handoffs/next", "/api/agent/residents/" + URLEncoder.encode(randomText(20), StandardCharsets.UTF_8) + "/contacts",
                "/api/agent/audit"};
        Map<String, String> headers = new LinkedHashMap<>();
        String[] auth = basic(random.nextInt(4) == 0 ? "supervisor" : "agent0");
        headers.put(auth[0], random.nextInt(6) == 0 ? randomHeaderValue() : auth[1]);
        return new Attempt(method, paths[random.nextInt(paths.length)], contentType, body(contentType), headers, false, false);
    }

    private byte[] body(String contentType) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> randomBytes(random.nextInt(5000));
            case 3 -> randomBytes(70_000 + random.nextInt(300_000)); // beyond every limit
            case 4 -> deeplyNested(1000 + random.nextInt(50_000));
            case 5 -> brokenUtf8();
            case 6 -> ("text=" + URLEncoder.encode(randomText(random.nextInt(3000)), StandardCharsets.UTF_8)
                    + "&message=" + URLEncoder.encode(randomText(200), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("%%" + randomText(20) + "=%zz&&=").getBytes(StandardCharsets.UTF_8);
            default -> randomJson().getBytes(StandardCharsets.UTF_8);
        };
    }

    private String randomJson() {
        String[] fields = {"text", "message", "email", "phone", "name", "subject", "score", "remark", "language",
                "resolution", "callId", "from", "to", "startedAt", "endedAt", "segments", "relay", randomText(5)};
        StringBuilder json = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(quote(fields[random.nextInt(fields.length)])).append(':').append(randomValue(2));
        }
        if (random.nextInt(10) == 0) {
            json.append(",\"text\":"); // truncated
        }
        return json.append(random.nextInt(10) == 0 ? "" : "}").toString();
    }

    private String randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 6)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "1e" + random.nextInt(400);
            case 4 -> quote(randomText(random.nextInt(random.nextInt(10) == 0 ? 20_000 : 100)));
            case 5 -> quote("2026-0" + random.nextInt(20) + "-01T10:00:00+01:00");
            case 6 -> "[" + randomValue(depth - 1) + "," + randomValue(depth - 1) + "]";
            case 7 -> "{\"speaker\":" + randomValue(depth - 1) + ",\"text\":" + randomValue(depth - 1) + "}";
            default -> "[{\"speaker\":\"RESIDENT\",\"text\":" + quote(randomText(50)) + "}]";
        };
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                s.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 6) {
                s.append(' ');
            } else if (kind < 7) {
                s.append((char) random.nextInt(0x20)); // control characters
            } else if (kind < 8) {
                s.appendCodePoint(0x1F600 + random.nextInt(50)); // emoji, outside GSM-7 and the BMP
            } else if (kind < 9) {
                s.append("\"\\<>&'%{}/$#;".charAt(random.nextInt(13)));
            } else {
                s.append((char) (0xC0 + random.nextInt(0x2000)));
            }
        }
        return s.toString();
    }

    private String randomHeaderValue() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x21 + random.nextInt(0x5D)));
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] deeplyNested(int depth) {
        return ("{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] brokenUtf8() {
        byte[] prefix = "{\"text\":\"paspoort ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28, (byte) 0xA1,
                (byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + broken.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(broken, 0, out, prefix.length, broken.length);
        System.arraycopy(suffix, 0, out, prefix.length + broken.length, suffix.length);
        return out;
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
