package nl.loket.platform;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * HTTP responses of the Camel channel routes. Channel beans build an {@link HttpReply} (a JSON body, TwiML, a
 * problem for every failure, so no caller ever sees a stack trace); the route's last step, this bean as a processor,
 * writes it to the exchange: the one place that sets the response code and headers. Used by every HTTP route and by
 * the single error-handling route configuration in {@code routes/errors.yaml}.
 */
@Component("httpResponses")
public class HttpResponses implements Processor {

    private final Json json;

    public HttpResponses(Json json) {
        this.json = json;
    }

    /** A JSON body with the given status. */
    public HttpReply json(int status, Object body) {
        return HttpReply.of(status, "application/json", json.write(body));
    }

    /** The problem response for the exception caught by the route configuration ({@link ProblemMapper}). */
    public HttpReply problem(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause,
                             @Header(Exchange.HTTP_PATH) String path) {
        ProblemMapper.Mapped mapped = ProblemMapper.map(cause, path);
        HttpReply reply = HttpReply.of(mapped.problem().status(), Problem.MEDIA_TYPE, json.write(mapped.problem()));
        return mapped.retryAfter() == null ? reply : reply.withHeader("Retry-After", mapped.retryAfter());
    }

    /**
     * Writes the {@link HttpReply} in the body as the response: none of the request's headers go back, only the
     * status, the content type and the reply's own headers.
     */
    @Override
    public void process(Exchange exchange) {
        Message out = exchange.getMessage();
        if (!(out.getBody() instanceof HttpReply reply)) {
            // the type only: a body could carry a resident's words
            throw new IllegalStateException("The route has no HttpReply to answer with but "
                    + (out.getBody() == null ? "no body" : out.getBody().getClass().getName()));
        }
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach(out::setHeader);
        out.setBody(reply.body());
    }
}
