package nl.loket.agent;

import nl.loket.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;

/**
 * The agents who may log in. With none configured there is one account {@code agent} with a random
 * password, printed once at start-up, so a fresh install can be tried but never has a known password.
 */
@Configuration(proxyBeanMethods = false)
class AgentAccounts {

    private static final Logger log = LoggerFactory.getLogger(AgentAccounts.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService agentUsers(AgentAccountProperties properties, PasswordEncoder encoder) {
        if (properties.agents().isEmpty()) {
            String password = Ids.newSecret().substring(0, 24);
            log.warn("No agents configured (loket.agents[n].*). Created agent 'agent' with password {} for this run only.",
                    password);
            return new InMemoryUserDetailsManager(User.withUsername("agent").password(encoder.encode(password))
                    .roles("AGENT").build());
        }
        List<UserDetails> users = properties.agents().stream()
                .map(a -> User.withUsername(a.username()).password(a.password())
                        .roles(a.roles().toArray(String[]::new)).build())
                .map(UserDetails.class::cast)
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
