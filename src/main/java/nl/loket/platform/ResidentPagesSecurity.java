package nl.loket.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public resident pages ({@code /chat}, {@code /contact}, the widget script and their static
 * files): no login, no session, and a strict Content-Security-Policy that allows only Loket's own
 * scripts and styles and no inline code. Only {@code /chat?embed=1} may be framed, by Loket itself
 * and by the sites in {@code loket.widget.allowed-origins}.
 * A separate chain (ordered first) so {@link SecurityConfiguration} stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class ResidentPagesSecurity {

    static final String[] RESIDENT_PAGES = {
            "/chat", "/contact", "/contact/**", "/widget.js", "/widget-demo.html", "/assets/**", "/vendor/**",
            "/theme/**", "/afmelden/**", "/terugbellen/**"
    };

    /** scheme://host[:port], nothing else: a value that could break out of the header is refused at start-up. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-src 'self'; frame-ancestors ";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain residentPages(HttpSecurity http,
                                      @Value("${loket.widget.allowed-origins:}") List<String> allowedOrigins)
            throws Exception {
        String embedAncestors = frameAncestors(allowedOrigins);
        http.securityMatcher(RESIDENT_PAGES)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // Anonymous forms without a login session: there is nothing a forged request could abuse.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.disable())
                        // pages: never stored (a confirmation holds a reference); files: cached, see application.yaml
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(framing(embedAncestors)));
        return http.build();
    }

    /** The {@code frame-ancestors} sources for the widget frame: Loket itself and each configured site. */
    static String frameAncestors(List<String> allowedOrigins) {
        List<String> origins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("loket.widget.allowed-origins: '" + origin
                        + "' is not an origin like https://www.example.nl");
            }
        }
        return "'self'" + origins.stream().map(o -> " " + o).collect(Collectors.joining());
    }

    private static boolean staticFile(String path) {
        return path.startsWith("/assets/") || path.startsWith("/vendor/") || path.startsWith("/theme/")
                || path.equals("/widget.js");
    }

    private static HeaderWriter framing(String embedAncestors) {
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (!staticFile(request.getServletPath())) {
                response.setHeader("Cache-Control", "no-store");
            }
            boolean embed = "/chat".equals(request.getServletPath()) && "1".equals(request.getParameter("embed"));
            if (embed) {
                response.setHeader("Content-Security-Policy", POLICY + embedAncestors);
            } else {
                response.setHeader("Content-Security-Policy", POLICY + "'self'");
                response.setHeader("X-Frame-Options", "SAMEORIGIN");
            }
        };
    }
}
