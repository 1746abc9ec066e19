package nl.loket.platform;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes HTTP responses for the Camel channel routes: JSON bodies, and problem responses for
 * every failure, so no caller ever sees a stack trace. Used by the single error-handling route
 * configuration in {@code routes/errors.yaml}.
 */
@Component("httpResponses")
public class HttpResponses {

    private static final Logger log = LoggerFactory.getLogger(HttpResponses.class);

    private final Json json;

    public HttpResponses(Json json) {
        this.json = json;
    }

    /** Sets a JSON body with the given status. */
    public void json(Exchange exchange, int status, Object body) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json.write(body));
    }

    /** Sets a plain body (TwiML, for instance) with the given content type. */
    public void text(Exchange exchange, int status, String contentType, String body) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setBody(body);
    }

    /** Turns the exception caught by the route configuration into a problem response. */
    public void problem(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        Problem problem;
        String retryAfter = null;
        if (cause instanceof ProblemException p) {
            problem = Problem.of(p, path);
            // Every "try again" (a busy conversation) says when, like Redis trouble does.
            retryAfter = p.status() == 503 ? RedisTrouble.RETRY_AFTER_SECONDS : null;
        } else if (RedisTrouble.isCauseOf(cause)) {
            log.error("Redis unavailable while handling {}: {}", path, cause.getClass().getSimpleName());
            problem = new Problem("about:blank", "Service unavailable", 503,
                    "Loket cannot store messages right now. Nothing was saved; please try again in a moment.", path, null);
            retryAfter = RedisTrouble.RETRY_AFTER_SECONDS;
        } else {
            log.error("Unexpected failure while handling {}", path, cause);
            problem = new Problem("about:blank", "Internal error", 500,
                    "Something went wrong on our side. Please try again later.", path, null);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        out.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            out.setHeader("Retry-After", retryAfter);
        }
        out.setBody(json.write(problem));
    }
}
