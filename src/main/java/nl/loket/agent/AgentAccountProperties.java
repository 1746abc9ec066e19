package nl.loket.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Agent accounts, {@code loket.agents[n].username|password|roles|queues}. Passwords carry their encoding as a
 * prefix ({@code {bcrypt}…}, {@code {noop}…} only for trying things out), so no plain password is
 * mistaken for a hash.
 */
@Validated
@ConfigurationProperties("loket")
record AgentAccountProperties(@Valid List<Account> agents) {

    AgentAccountProperties {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /**
     * @param roles  AGENT, SUPERVISOR and/or EDITOR (writes and approves knowledge-base articles,
     *               {@code /api/knowledge/**}); AGENT when none is given
     * @param queues the hand-off queues an AGENT works ({@code loket.handoff.queue}, {@code urgent-queue});
     *               empty or absent: all queues. A SUPERVISOR always sees all queues.
     * @param teams  the teams ({@code loket.teams[n].name}) an AGENT belongs to: their queues, and the urgent queue
     *               every agent of a team works first
     * @param capacity the most tasks an AGENT holds at once (e.g. 3 chats); absent: no limit. A supervisor has none.
     */
    record Account(
            @NotBlank String username,
            @NotBlank @Pattern(regexp = "^\\{[a-zA-Z0-9-]+\\}.+", message = "must start with an encoder prefix such as {bcrypt}") String password,
            List<@Pattern(regexp = "AGENT|SUPERVISOR|EDITOR|[A-Z_]+") String> roles,
            List<@NotBlank String> queues,
            List<@NotBlank String> teams,
            @jakarta.validation.constraints.Min(1) Integer capacity) {

        Account {
            roles = roles == null || roles.isEmpty() ? List.of("AGENT") : List.copyOf(roles);
            queues = queues == null ? List.of() : List.copyOf(queues);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }
}
