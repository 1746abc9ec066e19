package nl.loket.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Guards the API before any route sees a request, whatever its method:
 * bodies larger than {@link RequestBodies#MAX_BYTES} are refused (also when sent without a length),
 * multipart, wildcard and non-UTF-8 form bodies get a 415, and form-encoded bodies that cannot be
 * decoded (bad escapes, broken UTF-8) get a clear 400 instead of failing deep inside the HTTP binding.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyGuard extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestBodyGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Only the API: the contact page's form is read by the servlet container's own parameter parsing, bounded by
        // server.tomcat.max-http-form-post-size. The routed path, not the raw URI: "/%61pi/…" is the API too.
        return !RoutedPath.of(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > RequestBodies.MAX_BYTES) {
            refuse(request, response, new RequestTooLargeException(RequestBodies.MAX_BYTES));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(RequestBodies.MAX_BYTES + 1);
        if (body.length > RequestBodies.MAX_BYTES) {
            refuse(request, response, new RequestTooLargeException(RequestBodies.MAX_BYTES));
            return;
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean form = contentType.startsWith("application/x-www-form-urlencoded");
        if (contentType.startsWith("multipart/") || contentType.contains("*")
                || (form && contentType.contains("charset=") && !contentType.matches(".*charset=\"?utf-8\"?\\s*(;.*)?$"))) {
            refuse(request, response, new UnsupportedContentTypeException());
            return;
        }
        if (form && !decodableForm(body)) {
            refuse(request, response, new InvalidRequestException("body",
                    "The form data is not correctly encoded (name=value pairs joined by '&')."));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean decodableForm(byte[] body) {
        try {
            strictUtf8(body);
        } catch (CharacterCodingException e) {
            return false;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        if (raw.isBlank()) {
            return true;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.indexOf('=') <= 0) {
                return false;
            }
            try {
                strictUtf8(percentDecoded(pair));
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return false;
            }
        }
        return true;
    }

    /** The bytes a form pair stands for: '+' is a space, %XX a byte; a broken escape is refused. */
    private static byte[] percentDecoded(String pair) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(pair.length());
        for (int i = 0; i < pair.length(); i++) {
            char c = pair.charAt(i);
            if (c == '%') {
                if (i + 2 >= pair.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                out.write(Integer.parseInt(pair.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(c == '+' ? ' ' : raw[0]);
                if (c != '+' && raw.length > 1) {
                    out.write(raw, 1, raw.length - 1);
                }
            }
        }
        return out.toByteArray();
    }

    private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
        problems.write(response, Problem.of(problem, request.getRequestURI()));
    }

    /** The request with its body read once and served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return false; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { }
                @Override public int read() throws IOException { return in.read(); }
                @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
