package nl.loket.agent;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts from configuration, and the one-off account when none is configured. */
class AgentAccountsTest {

    private final AgentAccounts accounts = new AgentAccounts();
    private final PasswordEncoder encoder = accounts.passwordEncoder();

    @Test
    void withoutConfiguredAgentsThereIsOneAgentWithARandomPassword() {
        UserDetails first = accounts.agentUsers(new AgentAccountProperties(List.of()), encoder).loadUserByUsername("agent");
        UserDetails second = accounts.agentUsers(new AgentAccountProperties(List.of()), encoder).loadUserByUsername("agent");
        assertThat(first.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
        assertThat(first.getPassword()).startsWith("{bcrypt}").isNotEqualTo(second.getPassword());
    }

    @Test
    void configuredAgentsKeepTheirRolesAndEncodedPasswords() {
        AgentAccountProperties properties = new AgentAccountProperties(List.of(
                new AgentAccountProperties.Account("sanne", "{noop}welkom", List.of("AGENT", "SUPERVISOR"), null, null, null, null, false, null),
                new AgentAccountProperties.Account("joost", "{noop}welkom", null, null, null, null, null, false, null)));
        var users = accounts.agentUsers(properties, encoder);
        assertThat(users.loadUserByUsername("sanne").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_SUPERVISOR");
        assertThat(users.loadUserByUsername("joost").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
        assertThat(encoder.matches("welkom", users.loadUserByUsername("joost").getPassword())).isTrue();
    }
}
