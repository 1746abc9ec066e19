package nl.loket.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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

    /**
     * {@link #text(Long, String)} for a body as platform-http hands it over: text, bytes or a stream, read in the
     * request's charset ({@code charset}, UTF-8 when it names none or none known).
     */
    public static String text(Long declaredLength, Object body, String charset) {
        if (declaredLength != null && declaredLength > MAX_BYTES) {
            throw new RequestTooLargeException(MAX_BYTES);
        }
        String text;
        if (body == null || body instanceof String) {
            text = (String) body;
        } else if (body instanceof byte[] bytes) {
            text = new String(bytes, charset(charset));
        } else if (body instanceof InputStream in) {
            text = read(in, charset(charset));
        } else {
            text = String.valueOf(body);
        }
        return text(declaredLength, text);
    }

    private static String read(InputStream in, Charset charset) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RequestTooLargeException(MAX_BYTES);
            }
            return new String(bytes, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The media type of a {@code Content-Type} header in lower case, empty when there is none. */
    public static String contentType(String header) {
        return header == null ? "" : header.toLowerCase(java.util.Locale.ROOT);
    }
}
