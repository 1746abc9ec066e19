package nl.loket.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call what. Resident and provider endpoints carry their own proof (a chat session token,
 * a Twilio signature) and so are exempt from login and CSRF. The agent API takes HTTP Basic on every
 * request and keeps no session, so there is no cookie to forge and CSRF does not apply. The agent pages
 * use a form login with a session, so CSRF stays on there. The accounts come from the agent module
 * (a {@code UserDetailsService} bean), which also replaces Spring Boot's generated user. Which API paths exist and
 * which of them, or of the pages, need a supervisor, each module declares itself ({@link ModuleAccess}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] RESIDENT_AND_PROVIDER_APIS = {
            "/api/chat/**", "/api/forms/**", "/api/channels/**"
    };
    static final String[] AGENT_ROLES = {"AGENT", "SUPERVISOR"};

    @Bean
    @Order(1)
    SecurityFilterChain residentAndProviderApis(HttpSecurity http) throws Exception {
        http.securityMatcher(RESIDENT_AND_PROVIDER_APIS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain agentApiSecurity(HttpSecurity http, ProblemWriter problems, List<ModuleAccess> modules) throws Exception {
        List<String> apiPaths = modules.stream().flatMap(m -> m.apiPaths().stream()).distinct().toList();
        if (apiPaths.isEmpty()) {
            throw new IllegalStateException("no module declares an agent API (ModuleAccess.apiPaths)");
        }
        http.securityMatcher(apiPaths.toArray(String[]::new))
                .authorizeHttpRequests(auth -> {
                    modules.stream().flatMap(m -> m.apiRules().stream()).forEach(rule -> auth
                            .requestMatchers(rule.paths().toArray(String[]::new)).hasAnyRole(rule.roles().toArray(String[]::new)));
                    auth.anyRequest().hasAnyRole(AGENT_ROLES);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Loket agents\"");
                    problems.write(response, Problem.of(401, "Login required",
                            "Log in with your agent account (HTTP Basic).", request.getRequestURI()));
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        problems.write(response, Problem.of(403, "Forbidden", "Your role does not allow this.",
                                request.getRequestURI()))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Only Loket's own scripts, styles and forms; no framing, no inline script. */
    static final String WORKBENCH_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, ProblemWriter problems, List<ModuleAccess> modules) throws Exception {
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((request, response, denied) ->
                                // A program calling an address Loket does not serve gets a problem, not the login page.
                                problems.write(response, Problem.of(401, "Login required",
                                        "This address needs a login, or does not exist.", request.getRequestURI())),
                        PathPatternRequestMatcher.pathPattern("/api/**"))
                        // everything else keeps the form login's redirect, whatever the client accepts
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/agent/login"),
                                AnyRequestMatcher.INSTANCE))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            // The workbench's own style and scripts, so the login page can use them.
                            .requestMatchers("/agent/agent.css", "/agent/js/**").permitAll()
                            // The login page with any message (?error, ?logout, ?locked after too many failed logins).
                            .requestMatchers(org.springframework.http.HttpMethod.GET, "/agent/login").permitAll();
                    modules.stream().flatMap(m -> m.pageRules().stream()).forEach(rule -> auth
                            .requestMatchers(rule.paths().toArray(String[]::new)).hasAnyRole(rule.roles().toArray(String[]::new)));
                    auth.requestMatchers("/agent/**").hasAnyRole(AGENT_ROLES)
                            .anyRequest().authenticated();
                })
                // Session fixation protection (a new session id at login) is Spring Security's default and stays on.
                .formLogin(form -> form.loginPage("/agent/login").successHandler(landing(modules)).permitAll())
                .logout(Customizer.withDefaults())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // One strict policy for every workbench page (queue, conversation, dashboard, campaigns, login,
                        // the editors' pages), set here so no page of any module can forget it.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(workbenchPages(modules),
                                new StaticHeadersWriter("Content-Security-Policy", WORKBENCH_CSP))));
        return http.build();
    }

    /**
     * Where a login lands without a page asked for first: the queue for agents and supervisors; for an account with
     * none of those roles (an editor) the first page a module declares for one of its roles, else the queue.
     */
    static AuthenticationSuccessHandler landing(List<ModuleAccess> modules) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication user) {
                Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
                if (Arrays.stream(AGENT_ROLES).anyMatch(roles::contains)) {
                    return "/agent";
                }
                return modules.stream().flatMap(m -> m.pageRules().stream())
                        .filter(rule -> rule.roles().stream().anyMatch(roles::contains))
                        .flatMap(rule -> rule.paths().stream()).filter(path -> !path.contains("*"))
                        .findFirst().orElse("/agent");
            }
        };
        handler.setDefaultTargetUrl("/agent");
        return handler;
    }

    /** {@code /agent/**} and every page a module guards with its own rule (the editors' {@code /redactie}). */
    static RequestMatcher workbenchPages(List<ModuleAccess> modules) {
        List<RequestMatcher> pages = new java.util.ArrayList<>();
        pages.add(PathPatternRequestMatcher.pathPattern("/agent/**"));
        modules.stream().flatMap(m -> m.pageRules().stream()).flatMap(r -> r.paths().stream()).distinct()
                .forEach(path -> pages.add(PathPatternRequestMatcher.pathPattern(path)));
        return new OrRequestMatcher(pages);
    }
}
