package nl.loket.channel.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sends an SMS to a resident through Twilio's REST API (used for agent replies and notices).
 * The API address comes from {@code loket.twilio.api-base-url}: the SDK has no such setting, so a
 * small HTTP client rewrites Twilio's host before each call.
 */
@Component
public class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final String TWILIO_API = "https://api.twilio.com";

    /** The outcome of one send: Twilio's message id, or why it failed. */
    public record SendResult(boolean sent, String providerId, String failure) {
        static SendResult sent(String sid) { return new SendResult(true, sid, null); }
        static SendResult failed(String why) { return new SendResult(false, null, why); }
    }

    private final TwilioProperties properties;
    private volatile TwilioRestClient client;

    SmsSender(TwilioProperties properties) {
        this.properties = properties;
    }

    public SendResult send(String toE164, String text) {
        return send(toE164, text, null);
    }

    /** As {@link #send(String, String)}; Twilio reports delivered or undelivered to {@code statusCallback} when given. */
    public SendResult send(String toE164, String text, java.net.URI statusCallback) {
        if (!properties.sendingEnabled()) {
            return SendResult.failed("SMS sending is not configured (loket.twilio.account-sid, auth-token, from-number).");
        }
        try {
            var creator = Message.creator(new PhoneNumber(toE164), new PhoneNumber(properties.fromNumber()), text);
            if (statusCallback != null) {
                creator.setStatusCallback(statusCallback);
            }
            Message message = creator.create(client());
            return SendResult.sent(message.getSid());
        } catch (ApiException e) {
            log.warn("Twilio refused an SMS: status {} code {}", e.getStatusCode(), e.getCode());
            return SendResult.failed("Twilio refused the message (status " + e.getStatusCode() + ").");
        } catch (RuntimeException e) {
            log.warn("Twilio could not be reached: {}", e.getClass().getSimpleName());
            return SendResult.failed("Twilio could not be reached.");
        }
    }

    private TwilioRestClient client() {
        TwilioRestClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                            .httpClient(new RedirectingHttpClient(properties.apiBaseUrl()))
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    /**
     * Sends the SDK's requests to the configured API address instead of api.twilio.com, one call per send:
     * the SDK repeats a 5xx three more times by itself and its HTTP client repeats a 503 once more, which
     * would multiply the delivery retries ({@code loket.handoff.delivery-attempts}) that already back off.
     * The SDK sets its own timeouts on every request (10 s to connect, 30 s for the answer).
     */
    static final class RedirectingHttpClient extends NetworkHttpClient {

        private final String baseUrl;

        RedirectingHttpClient(String baseUrl) {
            super(HttpClientBuilder.create().useSystemProperties().disableAutomaticRetries()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(10).setMaxConnTotal(20).build()));
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            String url = request.getUrl();
            if (TWILIO_API.equals(baseUrl) || !url.startsWith(TWILIO_API)) {
                return super.makeRequest(request);
            }
            Request copy = new Request(request.getMethod() == null ? HttpMethod.GET : request.getMethod(),
                    baseUrl + url.substring(TWILIO_API.length()));
            copy.setAuth(request.getUsername(), request.getPassword());
            copyAll(request.getPostParams(), copy::addPostParam);
            copyAll(request.getQueryParams(), copy::addQueryParam);
            copyAll(request.getHeaderParams(), copy::addHeaderParam);
            return super.makeRequest(copy);
        }

        private static void copyAll(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(v -> add.accept(name, v)));
        }
    }
}
