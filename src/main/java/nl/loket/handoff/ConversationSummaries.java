package nl.loket.handoff;

import java.util.List;
import java.util.Optional;

/**
 * A short summary of a conversation written by a language model, for the agent who takes over. Owned by
 * hand-off, which needs it; the assistant implements it (hand-off never calls a model itself). Empty when
 * no model is configured, or when the model's text could not be trusted.
 */
public interface ConversationSummaries {

    /** @param redactedLines the conversation as "Inwoner: …" / "Assistent: …" lines, already redacted */
    Optional<String> summarize(List<String> redactedLines);

    /** Whether a model is there to write summaries at all; without one there is nothing to wait or retry for. */
    boolean available();
}
