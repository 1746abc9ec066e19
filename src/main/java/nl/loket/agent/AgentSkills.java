package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.handoff.HandoffTask;

import java.util.List;
import java.util.Locale;

/**
 * What an agent can take on ({@code loket.agents[n].languages|relay|channels}). An empty list sets no limit, so an agent
 * configured without skills takes everything, as before skills existed.
 *
 * @param relay the agent works with the sign-language relay (Tolkcontact)
 */
record AgentSkills(List<String> languages, boolean relay, List<Channel> channels) {

    AgentSkills {
        languages = languages == null ? List.of() : List.copyOf(languages);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    static final AgentSkills ANY = new AgentSkills(List.of(), false, List.of());

    /** Whether the agent speaks the task's language: no language known, or no list of languages, is yes. */
    boolean speaks(String language) {
        if (language == null || language.isBlank() || languages.isEmpty()) {
            return true;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-'); // nl-NL is Dutch
        return languages.contains(dash > 0 ? code.substring(0, dash) : code);
    }

    /** Whether the agent works the task's channel: no list of channels is yes. */
    boolean works(Channel channel) {
        return channel == null || channels.isEmpty() || channels.contains(channel);
    }

    /**
     * Whether the agent has every skill the task asks for. {@code relayAsked}: the task is a Tolkcontact conversation
     * and its queue has agents marked for the relay (a queue without any lets everyone take them, as before).
     */
    boolean fit(HandoffTask task, boolean relayAsked) {
        return speaks(task.language()) && works(task.channel()) && (!relayAsked || relay);
    }
}
