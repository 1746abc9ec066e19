package nl.loket.agent;

import nl.loket.handoff.HandoffProperties;
import nl.loket.handoff.TeamProperties;
import nl.loket.platform.Broadcast;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Teams a team lead changed while Loket runs, over the configured ones ({@code loket.agents[n].teams}): an agent who
 * helps out Belastingen this week works that team's queue at once, on every instance ({@link ChangedSettings}), audited
 * as {@code TEAMS}. Only configured teams ({@code loket.teams[n].name}) and the fallback queue
 * ({@code loket.handoff.queue}, Algemeen) can be chosen.
 */
@Component
class TeamChanges {

    /** The broadcast topic: the notice is the agent's user name. */
    static final String TOPIC = ChangedSettings.topicOf("teams");

    private final ChangedSettings<List<String>> settings;
    private final Set<String> known;

    TeamChanges(Pool<Jedis> pool, RedisKeys keys, AuditLog audit, Broadcast broadcast, TeamProperties teams,
                HandoffProperties queues) {
        this.settings = new ChangedSettings<>("teams", AuditLog.Action.TEAMS, pool, keys, audit, broadcast,
                names -> String.join(",", names), TeamChanges::read);
        this.known = java.util.stream.Stream.concat(teams.teams().stream().map(TeamProperties.Team::name),
                java.util.stream.Stream.of(queues.queue())).collect(Collectors.toUnmodifiableSet());
    }

    /** The teams a team lead set for this agent, if any. */
    Optional<List<String>> of(String agent) {
        return settings.of(agent);
    }

    /** Sets the agent's teams (at least one, each a configured team or the fallback queue), audited as {@code TEAMS}. */
    List<String> set(String agent, List<String> teams, String by) {
        List<String> names = teams.stream().map(t -> t == null ? "" : t.strip().toLowerCase(Locale.ROOT)).distinct()
                .toList();
        if (names.isEmpty()) {
            throw new InvalidRequestException("teams", "'teams' must name at least one team.");
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("teams", "'teams' must be configured teams (" + String.join(", ",
                    known.stream().sorted().toList()) + "), not " + String.join(", ", unknown) + ".");
        }
        return settings.set(agent, names, by);
    }

    /** Back to the configured teams. */
    void reset(String agent, String by) {
        settings.reset(agent, by);
    }

    private static List<String> read(String stored) {
        return stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }
}
