package nl.loket.platform;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Writes HTTP responses for the Camel channel routes: JSON bodies, and problem responses for
 * every failure, so no caller ever sees a stack trace. Used by the single error-handling route
 * configuration in {@code routes/errors.yaml}.
 */
@Component("httpResponses")
public class HttpResponses {

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

    /** Turns the exception caught by the route configuration into a problem response ({@link ProblemMapper}). */
    public void problem(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProblemMapper.Mapped mapped = ProblemMapper.map(cause, exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class));
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, mapped.problem().status());
        out.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (mapped.retryAfter() != null) {
            out.setHeader("Retry-After", mapped.retryAfter());
        }
        out.setBody(json.write(mapped.problem()));
    }
}
