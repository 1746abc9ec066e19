package nl.loket.registry;

import nl.loket.platform.Json;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP to the Klantinteracties API with its token. Sorts failures into "try again later"
 * ({@link RegistryUnavailable}) and "will never work as sent" ({@link RegistrationRejected}).
 */
@Component
class KlantinteractiesClient {

    /** Enough of an error answer for an operator; validation errors are short. */
    private static final int MAX_ERROR_BODY = 4000;

    private final KlantinteractiesProperties properties;
    private final Json json;
    private final HttpClient http;

    KlantinteractiesClient(KlantinteractiesProperties properties, Json json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs a JSON body to a collection, e.g. {@code /klantcontacten}; answers the created resource. */
    JsonNode create(String collection, Map<String, Object> body) {
        HttpRequest request = base(collection)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.write(body), StandardCharsets.UTF_8))
                .build();
        return send(request, collection);
    }

    /** GETs a collection with query parameters, e.g. {@code /actoren?soortActor=…}. */
    JsonNode list(String collection, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(base(collection + (q.isEmpty() ? "" : "?" + q)).GET().build(), collection);
    }

    private HttpRequest.Builder base(String path) {
        return HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                .timeout(properties.timeout())
                .header("Authorization", "Token " + properties.token())
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String collection) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Timeouts (HttpTimeoutException) and refused connections alike: the API may be back soon.
            throw new RegistryUnavailable(request.method() + " " + collection + " failed: " + e.getClass().getSimpleName(),
                    0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailable(request.method() + " " + collection + " interrupted", 0, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String body = response.body();
            return body == null || body.isBlank() ? json.mapper().createObjectNode() : json.mapper().readTree(body);
        }
        String body = shorten(response.body());
        String message = request.method() + " " + collection + " answered " + status;
        if (status >= 500 || status == 408 || status == 429) {
            throw new RegistryUnavailable(message, status, body, null);
        }
        throw new RegistrationRejected(message, status, body);
    }

    private static String shorten(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= MAX_ERROR_BODY ? body : body.substring(0, MAX_ERROR_BODY);
    }
}
