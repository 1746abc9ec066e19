package nl.loket.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * A resident is never told "not stored" (503) for a message Loket stores afterwards. The HTTP layer answers
 * 503 when a request is not done within {@code spring.mvc.async.request-timeout}; work that starts late
 * (queued behind others, or a slow step before it) could then still store the message. So every request is
 * stamped on arrival, and a channel route that has not started within {@code loket.http.start-within}
 * refuses with 503 before anything is stored. Everything after the start is bounded (lock wait, language
 * model, Redis timeouts) and together stays well inside the HTTP timeout, which {@code application.yaml}
 * sets and a test checks.
 */
@Component("requestDeadline")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestDeadline extends OncePerRequestFilter {

    static final String ARRIVED_AT = RequestDeadline.class.getName() + ".arrivedAt";

    private final Duration startWithin;

    RequestDeadline(@Value("${loket.http.start-within:15s}") Duration startWithin) {
        this.startWithin = startWithin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVED_AT, System.nanoTime());
        chain.doFilter(request, response);
    }

    /** First step of every HTTP channel route (see {@code routes/errors.yaml}): too late to start means not stored. */
    public void check(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(ARRIVED_AT) instanceof Long arrivedAt
                && System.nanoTime() - arrivedAt > startWithin.toNanos()) {
            throw new TooLateToStartException();
        }
    }

    /** The request waited too long before Loket could start on it; nothing was stored. */
    static final class TooLateToStartException extends ProblemException {
        TooLateToStartException() {
            super(503, "Service busy", null, "Loket is very busy; your message was not stored. Please try again in a moment.");
        }
    }
}
