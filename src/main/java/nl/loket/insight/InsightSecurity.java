package nl.loket.insight;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.loket.platform.Json;
import nl.loket.platform.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;

/**
 * Who may read the indicators: the JSON/CSV API takes HTTP Basic with role SUPERVISOR (an AGENT gets 403),
 * like {@code /api/agent/**}. The Prometheus scrape endpoint takes HTTP Basic with role MONITORING (an
 * account for the monitoring system, which cannot open the workbench) or SUPERVISOR; it is never open
 * without a login. No session, so no CSRF. Ordered before the workbench's catch-all chain.
 */
@Configuration(proxyBeanMethods = false)
class InsightSecurity {

    static final String MONITORING = "MONITORING";

    @Bean
    @Order(2)
    SecurityFilterChain insightApiSecurity(HttpSecurity http, Json json) throws Exception {
        http.securityMatcher("/api/insight/**", "/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/prometheus").hasAnyRole("SUPERVISOR", MONITORING)
                        .anyRequest().hasRole("SUPERVISOR"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Loket insight\"");
                    problem(json, request, response, 401, "Login required", "Log in with a supervisor account (HTTP Basic).");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        problem(json, request, response, 403, "Forbidden", "Only supervisors may read the service indicators.")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    private static void problem(Json json, HttpServletRequest request, HttpServletResponse response, int status,
                                String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.write(new Problem("about:blank", title, status, detail, request.getRequestURI(), null)));
    }
}
