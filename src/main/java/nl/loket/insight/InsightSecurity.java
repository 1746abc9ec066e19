package nl.loket.insight;

import nl.loket.platform.ProblemWriter;
import nl.loket.platform.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;


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
    SecurityFilterChain insightApiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/insight/**", "/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/prometheus").hasAnyRole("SUPERVISOR", MONITORING)
                        .anyRequest().hasRole("SUPERVISOR"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Loket insight\"");
                    problems.write(response, Problem.of(401, "Login required", "Log in with a supervisor account (HTTP Basic).",
                            request.getRequestURI()));
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        problems.write(response, Problem.of(403, "Forbidden", "Only supervisors may read the service indicators.",
                                request.getRequestURI()))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
