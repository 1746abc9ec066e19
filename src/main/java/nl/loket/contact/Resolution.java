package nl.loket.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a conversation was closed: by an agent with one of the codes they choose from, or by Loket after the assistant
 * (the idle close). Insight counts each; the registry tells a person's close from the assistant's.
 */
public enum Resolution {
    ANSWERED, REFERRED, COMPLAINT_HANDLED_INFORMALLY, CALLBACK_DONE, NO_RESPONSE, OTHER,
    /** The assistant answered and the resident then left. */
    ASSISTANT_ANSWERED,
    /** The resident left before the assistant could answer (e.g. after a question back). */
    ASSISTANT_NO_ANSWER;

    /** The codes an agent may choose. */
    public static final Set<Resolution> BY_AGENT = Set.of(ANSWERED, REFERRED, COMPLAINT_HANDLED_INFORMALLY, CALLBACK_DONE,
            NO_RESPONSE, OTHER);

    /** An agent's code ("answered", "REFERRED"); empty for anything else, the assistant's codes included. */
    public static Optional<Resolution> byAgent(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            Resolution r = valueOf(code.trim().toUpperCase(Locale.ROOT));
            return BY_AGENT.contains(r) ? Optional.of(r) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Loket closed it after the assistant; no person did. */
    public boolean closedByAssistant() {
        return this == ASSISTANT_ANSWERED || this == ASSISTANT_NO_ANSWER;
    }
}
