package nl.loket.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import nl.loket.contact.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * @param roles     AGENT, SUPERVISOR and/or EDITOR (writes and approves knowledge-base articles,
     *                  {@code /api/knowledge/**}); AGENT when none is given
     * @param queues    the hand-off queues an AGENT works ({@code loket.handoff.queue}, {@code urgent-queue});
     *                  empty or absent: all queues. A SUPERVISOR always sees all queues.
     * @param teams     the teams ({@code loket.teams[n].name}) an AGENT belongs to: their queues, and the urgent queue
     *                  every agent of a team works first
     * @param capacity  the most tasks an AGENT holds at once: one number (e.g. 3, whatever the channels, as always), or
     *                  per channel ({@code CHAT: 3, PHONE: 1}) with an optional {@code total}; absent: no limit. A
     *                  supervisor has none.
     * @param languages the languages (ISO 639-1, e.g. nl, en, tr) the agent answers in; absent: every language
     * @param relay     the agent works with the sign-language relay (Tolkcontact); see {@link OfferRules}
     * @param channels  the channels the agent works; absent: every channel
     */
    record Account(
            @NotBlank String username,
            @NotBlank @Pattern(regexp = "^\\{[a-zA-Z0-9-]+\\}.+", message = "must start with an encoder prefix such as {bcrypt}") String password,
            List<@Pattern(regexp = "AGENT|SUPERVISOR|EDITOR|[A-Z_]+") String> roles,
            List<@NotBlank String> queues,
            List<@NotBlank String> teams,
            @Valid Capacity capacity,
            List<@Pattern(regexp = "[a-zA-Z]{2,3}", message = "must be a language code such as nl, en or tr") String> languages,
            boolean relay,
            List<Channel> channels) {

        Account {
            roles = roles == null || roles.isEmpty() ? List.of("AGENT") : List.copyOf(roles);
            queues = queues == null ? List.of() : List.copyOf(queues);
            teams = teams == null ? List.of() : List.copyOf(teams);
            capacity = capacity == null ? Capacity.UNLIMITED : capacity;
            languages = languages == null ? List.of() : languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        AgentSkills skills() {
            return new AgentSkills(languages, relay, channels);
        }
    }

    /**
     * How many tasks an agent holds at once: at most {@code total} in all, and per channel at most its own number. A
     * number not given sets no limit. The single number of old ({@code capacity: 3}) is the total, so it keeps meaning
     * what it meant: 3 tasks at once, whatever their channels.
     */
    record Capacity(@Min(1) Integer total, @Min(1) Integer chat, @Min(1) Integer phone, @Min(1) Integer sms,
                    @Min(1) Integer webform) {

        static final Capacity UNLIMITED = new Capacity(null, null, null, null, null);

        static Capacity total(int total) {
            return new Capacity(total, null, null, null, null);
        }

        static Capacity perChannel(Map<Channel, Integer> limits) {
            return new Capacity(null, limits.get(Channel.CHAT), limits.get(Channel.PHONE), limits.get(Channel.SMS),
                    limits.get(Channel.WEBFORM));
        }

        /** The most tasks of this channel at once, or null: only the total counts. */
        Integer of(Channel channel) {
            return switch (channel) {
                case CHAT -> chat;
                case PHONE -> phone;
                case SMS -> sms;
                case WEBFORM -> webform;
            };
        }

        boolean unlimited() {
            return equals(UNLIMITED);
        }

        /** Whether one more task of this channel fits beside the tasks held now (per channel). */
        boolean hasRoomFor(Channel channel, Map<Channel, Integer> held) {
            int all = held.values().stream().mapToInt(Integer::intValue).sum();
            if (total != null && all >= total) {
                return false;
            }
            Integer limit = channel == null ? null : of(channel);
            return limit == null || held.getOrDefault(channel, 0) < limit;
        }

        /** Whether a task of any channel fits at all: not when the total is reached or every channel is full. */
        boolean hasRoomForAny(Map<Channel, Integer> held) {
            for (Channel channel : Channel.values()) {
                if (hasRoomFor(channel, held)) {
                    return true;
                }
            }
            return false;
        }
    }
}
