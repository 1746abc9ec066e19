package nl.loket.resilience;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import nl.loket.support.TwilioSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit on the resident endpoints ({@code loket.rate-limit.per-ip-per-minute}), shared by
 * all instances through Redis, and the widget frame allowed only on the configured sites. Requests are sent
 * from different loopback addresses (127.0.0.2, 127.0.0.3) so each test client is its own "resident address".
 */
class ClientRateLimitIT {

    static final int LIMIT = 15;
    static final String PREFIX = "loket-ratelimit-" + UUID.randomUUID();
    static LoketInstance a;
    static LoketInstance b;

    @BeforeAll
    static void start() {
        String[] args = {"--loket.rate-limit.per-ip-per-minute=" + LIMIT, "--loket.widget.allowed-origins=https://www.nijmegen.nl"};
        a = new LoketInstance(TestRedis.serverUrl(), PREFIX, args);
        b = new LoketInstance(TestRedis.serverUrl(), PREFIX, args);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    record Raw(int status, String headers, String body) { }

    @Test
    void oneAddressIsLimitedAcrossInstancesOthersAndTwilioAreNot() throws IOException {
        String busy = "127.0.0.2";
        int accepted = 0;
        Raw refused = null;
        for (int i = 0; i < 2 * LIMIT + 5 && refused == null; i++) {
            // Alternating instances: the count is shared in Redis, not per process.
            Raw r = post(i % 2 == 0 ? a : b, busy, "/api/chat/sessions", "application/json", "");
            if (r.status() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        // A minute boundary during the loop may reset the count once; never more than two windows' worth.
        assertThat(accepted).isBetween(LIMIT, 2 * LIMIT);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(refused.headers()).containsPattern("(?i)retry-after: [1-9][0-9]?\\r\\n");
        assertThat(refused.headers()).containsIgnoringCase("x-content-type-options: nosniff");

        // The limit is on the path as routed: percent-encoding a letter of the path is the same endpoint, also limited.
        Raw encoded = post(a, busy, "/api/%63hat/sessions", "application/json", "");
        assertThat(encoded.status()).as(encoded.body()).isEqualTo(429);
        assertThat(post(b, busy, "/%61pi/forms/contact", "application/json", "{\"message\":\"hoi\"}").status()).isEqualTo(429);

        // Another address is not affected.
        assertThat(post(a, "127.0.0.3", "/api/chat/sessions", "application/json", "").status()).isEqualTo(201);
        // Twilio's webhooks come from few addresses for every resident: not limited by address.
        Map<String, String> sms = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", "+31612345672", "Body", "Hoe vraag ik een paspoort aan?");
        String form = sms.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String signature = TwilioSigner.sign(LoketInstance.TWILIO_TOKEN, LoketInstance.PUBLIC_URL + "/api/channels/twilio/sms", sms);
        Raw twilio = post(a, busy, "/api/channels/twilio/sms", "application/x-www-form-urlencoded", form,
                "X-Twilio-Signature: " + signature);
        assertThat(twilio.status()).as(twilio.body()).isEqualTo(200);
    }

    @Test
    void theWidgetFrameMayBeShownOnlyOnTheConfiguredSites() {
        String embedded = a.get("/chat?embed=1").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(embedded).endsWith("frame-ancestors 'self' https://www.nijmegen.nl");
        String page = a.get("/chat").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(page).endsWith("frame-ancestors 'self'");
    }

    /** A plain HTTP/1.1 POST from a chosen loopback address (Java 17's HttpClient cannot choose one). */
    private static Raw post(LoketInstance instance, String from, String path, String contentType, String body,
                            String... extraHeaders) throws IOException {
        URI uri = URI.create(instance.url(path));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort()), 2000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length + "\r\n");
            for (String h : extraHeaders) {
                request.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split + 2);
            String rest = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, head, rest);
        }
    }
}
