package nl.loket.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer of a channel route as plain data: status, content type, body and any further response headers.
 * A channel bean returns it; the route's last step ({@link HttpResponses#process}) writes it to the exchange.
 *
 * @param headers response headers besides the content type, in the order given
 */
public record HttpReply(int status, String contentType, String body, Map<String, String> headers) {

    public HttpReply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A plain body (TwiML, for instance) with the given content type. */
    public static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body, Map.of());
    }

    /** The same answer with one more response header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
