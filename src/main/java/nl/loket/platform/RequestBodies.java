package nl.loket.platform;

import org.apache.camel.Exchange;

import java.nio.charset.StandardCharsets;

/** Reads a request body as text with a size limit, so an oversized request is refused, not stored. */
public final class RequestBodies {

    /** Far more than the longest message Loket accepts, far less than what could hurt. */
    public static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() { }

    /**
     * The request body as text, refused (413) when it is, or says it is ({@code Content-Length}), larger than
     * {@link #MAX_BYTES}.
     */
    public static String text(Long declaredLength, String body) {
        if (declaredLength != null && declaredLength > MAX_BYTES) {
            throw new RequestTooLargeException(MAX_BYTES);
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RequestTooLargeException(MAX_BYTES);
        }
        return body;
    }

    /** The media type of a {@code Content-Type} header in lower case, empty when there is none. */
    public static String contentType(String header) {
        return header == null ? "" : header.toLowerCase(java.util.Locale.ROOT);
    }

    public static String text(Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > MAX_BYTES) {
            throw new RequestTooLargeException(MAX_BYTES);
        }
        String body = exchange.getMessage().getBody(String.class);
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RequestTooLargeException(MAX_BYTES);
        }
        return body;
    }

    public static String contentType(Exchange exchange) {
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        return type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
    }
}
