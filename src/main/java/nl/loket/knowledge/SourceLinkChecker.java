package nl.loket.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks one source link the way a browser would reach it: HEAD, and GET when the server refuses HEAD (405, 501),
 * following redirects. Nothing but the link itself is sent: no cookies, no referrer, no resident's data, a fixed
 * user agent. Bounded: every request waits at most the timeout (connect and status line), and a GET's body is never
 * read: the stream is closed as soon as the status is known.
 */
class SourceLinkChecker {

    static final String USER_AGENT = "Loket-bronlinkcontrole/1.0";

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    SourceLinkChecker(Duration timeout, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault()).build(), timeout, clock);
    }

    /** With a client of one's own (a proxy, a trust store); it should follow redirects. */
    SourceLinkChecker(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    SourceCheck check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return broken(url, null, "connection");
        }
        try {
            int status = head(uri);
            if (status == 405 || status == 501) {
                status = get(uri);
            }
            return status >= 400 ? broken(url, status, null)
                    : new SourceCheck(url, SourceCheck.Result.OK, status, null, clock.instant());
        } catch (TimeoutException | HttpTimeoutException e) {
            return broken(url, null, "timeout");
        } catch (IOException | RuntimeException e) {
            return broken(url, null, "connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return broken(url, null, "timeout");
        }
    }

    private int head(URI uri) throws IOException, InterruptedException, TimeoutException {
        return send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(URI uri) throws IOException, InterruptedException, TimeoutException {
        HttpResponse<InputStream> response = send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = response.body()) {
            return response.statusCode(); // closing unread drops the body (and the connection)
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
    }

    /** Waits at most the timeout for the whole exchange, redirects included, and cancels it after. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, body);
        try {
            return answer.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException t) {
                throw t;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private SourceCheck broken(String url, Integer status, String problem) {
        return new SourceCheck(url, SourceCheck.Result.BROKEN, status, problem, clock.instant());
    }
}
