package nl.loket.handoff;

import nl.loket.contact.EscalationReason;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Decides the team of a hand-off (see {@link TeamProperties} for the order of the rules). */
@Component
class TeamRouting {

    private final List<TeamProperties.Team> teams;
    private final String fallback;

    TeamRouting(TeamProperties teams, HandoffProperties handoff) {
        this.teams = teams.teams();
        this.fallback = handoff.queue();
    }

    String teamFor(EscalationReason reason, List<String> topics, String language, String relay) {
        if (relay != null && !relay.isBlank()) {
            Optional<String> team = first(t -> t.relay());
            if (team.isPresent()) {
                return team.get();
            }
        }
        if (language != null && !"nl".equals(language) && !"en".equals(language)) {
            Optional<String> team = first(t -> t.languages().contains(language));
            if (team.isPresent()) {
                return team.get();
            }
        }
        if (reason != null) {
            Optional<String> team = first(t -> t.reasons().contains(reason));
            if (team.isPresent()) {
                return team.get();
            }
        }
        for (String topic : topics == null ? List.<String>of() : topics) {
            Optional<String> team = first(t -> t.topics().contains(topic));
            if (team.isPresent()) {
                return team.get();
            }
        }
        return fallback;
    }

    /** Whether a transfer may go to this team: a configured one, or the fallback queue. */
    boolean exists(String team) {
        return fallback.equals(team) || teams.stream().anyMatch(t -> t.name().equals(team));
    }

    private Optional<String> first(java.util.function.Predicate<TeamProperties.Team> fits) {
        return teams.stream().filter(fits).map(TeamProperties.Team::name).findFirst();
    }
}
