package nl.loket.platform;

import org.apache.camel.Exchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded parameters of a form-encoded POST, exactly as sent. Camel's platform-http hands the
 * body over either as the raw form string or as a map whose values are still URL-encoded; both end
 * up here as decoded name → value, which is also what a Twilio signature is computed over.
 */
public final class FormParameters {

    private FormParameters() { }

    public static Map<String, String> of(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Map<String, String> out = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object value = e.getValue();
                if (value instanceof Iterable<?> many) {
                    value = many.iterator().hasNext() ? many.iterator().next() : "";
                }
                out.put(String.valueOf(e.getKey()), decode(value == null ? "" : String.valueOf(value)));
            }
            return out;
        }
        String raw = exchange.getMessage().getBody(String.class);
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", "The form data is not correctly encoded.");
        }
    }
}
