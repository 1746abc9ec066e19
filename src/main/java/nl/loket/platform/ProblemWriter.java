package nl.loket.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one writer of problem+json on a servlet response, for refusals that happen outside a controller (a security
 * chain, a filter, the firewall): status, content type, the protective headers a filter-level refusal would otherwise
 * lack, and the body. Controllers and routes get theirs from {@link ProblemMapper}.
 */
@Component
public class ProblemWriter {

    private final Json json;

    public ProblemWriter(Json json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, Problem problem) throws IOException {
        write(response, problem, null);
    }

    /** With a Retry-After header (seconds) when {@code retryAfter} is not null. */
    public void write(HttpServletResponse response, Problem problem, String retryAfter) throws IOException {
        response.setStatus(problem.status());
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        // Refused before Spring Security's headers are written: the same protective headers here.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (response.getHeader("Referrer-Policy") == null) {
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        // The bare media type, as the routes send it: JSON is UTF-8 by definition (RFC 8259), so no charset.
        response.setHeader("Content-Type", Problem.MEDIA_TYPE);
        response.getOutputStream().write(json.write(problem).getBytes(StandardCharsets.UTF_8));
    }
}
