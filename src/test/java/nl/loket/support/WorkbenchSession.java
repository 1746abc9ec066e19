package nl.loket.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session for the workbench pages: cookies kept, redirects not followed, CSRF token read from pages. */
public final class WorkbenchSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    public WorkbenchSession(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the login page; returns the login POST's response (302 to /agent, or to /agent/login?error). */
    public HttpResponse<String> login(String user, String password) {
        HttpResponse<String> page = get("/agent/login");
        return post("/agent/login", Map.of("username", user, "password", password));
    }

    public WorkbenchSession loggedIn(String user, String password) {
        HttpResponse<String> r = login(user, password);
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/agent")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers().map());
        }
        get("/agent");
        return this;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        remember(r.body());
        return r;
    }

    /** A form post with the session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf);
        return postWithoutToken(path, withToken);
    }

    /** Like a browser: a form post, then the GET of where it redirects (which shows the flash message). */
    public HttpResponse<String> submit(String path, Map<String, String> form) {
        HttpResponse<String> r = post(path, form);
        String location = r.headers().firstValue("Location").orElse(null);
        if (r.statusCode() != 302 || location == null) {
            return r;
        }
        return get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
    }

    public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(r.body());
        return r;
    }

    private void remember(String html) {
        if (html == null) {
            return;
        }
        Matcher m = CSRF_INPUT.matcher(html);
        if (m.find()) {
            csrf = m.group(1);
            return;
        }
        Matcher meta = CSRF_META.matcher(html);
        if (meta.find()) {
            csrf = meta.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return nl.loket.support.TestHttp.send(http, request.build());
    }
}
