package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Skills a team lead changed while Loket runs, over the configured ones ({@code loket.agents[n].languages|relay|
 * channels}): an agent who learned Turkish, or takes calls from today, is offered those tasks without a restart, on
 * every instance ({@link ChangedSettings}), audited as {@code SKILLS}.
 */
@Component
class SkillChanges {

    /** The broadcast topic: the notice is the agent's user name. */
    static final String TOPIC = ChangedSettings.topicOf("skills");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final ChangedSettings<AgentSkills> settings;

    SkillChanges(Pool<Jedis> pool, RedisKeys keys, AuditLog audit, Broadcast broadcast) {
        this.settings = new ChangedSettings<>("skills", AuditLog.Action.SKILLS, pool, keys, audit, broadcast,
                SkillChanges::write, SkillChanges::read);
    }

    /** The skills a team lead set for this agent, if any. */
    Optional<AgentSkills> of(String agent) {
        return settings.of(agent);
    }

    /** Whether a team lead set skills for anyone. */
    boolean any() {
        return settings.any();
    }

    /**
     * Sets the agent's skills, audited as {@code SKILLS} by the team lead who did it. Languages are ISO 639 codes
     * ("nl", "tr"); channels are CHAT, SMS, PHONE or WEBFORM; an empty list sets no limit, as in the configuration.
     */
    AgentSkills set(String agent, List<String> languages, boolean relay, List<String> channels, String by) {
        return settings.set(agent, new AgentSkills(languages(languages), relay, channels(channels)), by);
    }

    /** Back to the configured skills. */
    void reset(String agent, String by) {
        settings.reset(agent, by);
    }

    private static List<String> languages(List<String> given) {
        List<String> out = given == null ? List.of() : given.stream().map(l -> l == null ? "" : l.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        if (out.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            throw new nl.loket.platform.InvalidRequestException("languages",
                    "'languages' must be language codes of two or three letters, such as \"nl\" or \"tr\".");
        }
        return out;
    }

    private static List<Channel> channels(List<String> given) {
        try {
            return given == null ? List.of() : given.stream().map(c -> Channel.valueOf(String.valueOf(c).strip()
                    .toUpperCase(Locale.ROOT))).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new nl.loket.platform.InvalidRequestException("channels", "'channels' must be CHAT, SMS, PHONE or WEBFORM.");
        }
    }

    /** "languages=nl,en;relay=true;channels=CHAT,SMS": what the audit shows too. */
    private static String write(AgentSkills skills) {
        return "languages=" + String.join(",", skills.languages()) + ";relay=" + skills.relay() + ";channels="
               + String.join(",", skills.channels().stream().map(Channel::name).toList());
    }

    private static AgentSkills read(String stored) {
        Map<String, String> parts = ChangedSettings.fields(stored);
        return new AgentSkills(list(parts.get("languages")), Boolean.parseBoolean(parts.get("relay")),
                list(parts.get("channels")).stream().map(Channel::valueOf).toList());
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
