package nl.loket.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /**
     * The parameters of a form body: the map platform-http makes of a form-encoded POST, or the raw form text
     * ({@code a=1&b=2}, also as bytes or a stream, UTF-8); nothing for no body.
     */
    public static Map<String, String> of(Object body) {
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
        String raw = text(body);
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

    private static String text(Object body) {
        if (body instanceof InputStream in) {
            try {
                return new String(in.readNBytes(RequestBodies.MAX_BYTES + 1), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body == null ? null : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(body);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", "The form data is not correctly encoded.");
        }
    }
}
