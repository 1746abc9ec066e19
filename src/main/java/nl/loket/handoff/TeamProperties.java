package nl.loket.handoff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import nl.loket.contact.EscalationReason;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The teams of the contact centre, {@code loket.teams[n]}: who takes which hand-offs. A task goes to the first team
 * that fits, in this order: a relay call (Tolkcontact) to a team with {@code relay}; another language to a team that
 * lists it; a reason a team lists (e.g. COMPLAINT); the first topic the assistant found that a team lists; else the
 * fallback queue {@code loket.handoff.queue} (Algemeen). URGENT tasks wait in the urgent queue every agent works
 * first, whatever their team.
 */
@Validated
@ConfigurationProperties("loket")
public record TeamProperties(@Valid List<Team> teams) {

    /** How agents see the fallback queue ({@code loket.handoff.queue}), which is no configured team. */
    public static final String FALLBACK_TITLE = "Algemeen";

    /** The configured team of this name, if it is one (the fallback queue is not). */
    java.util.Optional<Team> team(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The title of a configured team, or the fallback title for anything else (the fallback queue, no team). */
    public String title(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).map(Team::title).findFirst().orElse(FALLBACK_TITLE);
    }

    public TeamProperties {
        teams = teams == null ? List.of() : List.copyOf(teams);
        Set<String> names = new HashSet<>();
        for (Team team : teams) {
            if (!names.add(team.name())) {
                throw new IllegalArgumentException("loket.teams: the team name '" + team.name() + "' is used twice");
            }
        }
    }

    /**
     * @param name           the team's id, also its queue name (lower case, digits, dashes: "burgerzaken")
     * @param title          how agents see it ("Burgerzaken"); the name when absent
     * @param topics         knowledge-base topics (slugs) this team answers
     * @param languages      languages besides Dutch and English this team can handle (ISO codes)
     * @param relay          this team takes calls through the sign-language relay
     * @param reasons        escalation reasons this team takes whatever the topic (e.g. COMPLAINT)
     * @param responseTarget how long a task of this team may wait for its first answer
     * @param snippets       the team's standard replies, with placeholders {kenmerk}, {medewerker} and {team}
     * @param openingHours   when the team calls residents back, per weekday ({@code monday: "09:00-17:00"}); absent:
     *                       {@code loket.callbacks.opening-hours}
     */
    public record Team(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "lower case letters, digits and dashes") String name,
            String title,
            List<@NotBlank String> topics,
            List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
            boolean relay,
            List<EscalationReason> reasons,
            Duration responseTarget,
            @Valid List<Snippet> snippets,
            Map<DayOfWeek, String> openingHours) {

        public Team {
            title = title == null || title.isBlank() ? name : title;
            topics = topics == null ? List.of() : List.copyOf(topics);
            languages = languages == null ? List.of() : List.copyOf(languages);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            snippets = snippets == null ? List.of() : List.copyOf(snippets);
            openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
            OpeningHours.parse("loket.teams[" + name + "].opening-hours", openingHours);
        }

    }

    /** A standard reply an agent can insert and edit before sending. */
    public record Snippet(@NotBlank String title, @NotBlank String text) { }
}
