package nl.loket.contact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that stop or restart proactive messages, sent as a whole SMS. A message is a command only
 * when, after trimming, case-folding, dropping spaces and trailing punctuation, it is exactly one of the
 * words: " Stop ", "stop!", "STOP ALL" and "af melden" are commands; "stop met sturen" is a question for
 * the assistant.
 */
public enum OptOutCommand {
    OPT_OUT, OPT_IN;

    private static final Map<String, OptOutCommand> WORDS = Map.of(
            "STOP", OPT_OUT, "STOPALL", OPT_OUT, "UITSCHRIJVEN", OPT_OUT, "AFMELDEN", OPT_OUT,
            "START", OPT_IN, "AANMELDEN", OPT_IN);

    /** The command in a message, with the word as recorded (e.g. {@code STOPALL}). */
    public record Parsed(OptOutCommand command, String word) { }

    public static Optional<Parsed> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String word = text.strip().toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", "")
                .replaceAll("[.!?,;:]+$", "");
        OptOutCommand command = WORDS.get(word);
        return command == null ? Optional.empty() : Optional.of(new Parsed(command, word));
    }
}
