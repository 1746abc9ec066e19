package nl.loket.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed on: decoded and normalised by the servlet container, exactly what Spring and
 * Camel's platform-http match. Every check that depends on the path (body limit, rate limit) must use this, never
 * the raw URI: {@code /%61pi/forms/contact} is routed to {@code /api/forms/contact} but does not start with "/api/".
 */
public final class RoutedPath {

    private RoutedPath() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
