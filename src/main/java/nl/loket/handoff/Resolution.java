package nl.loket.handoff;

import java.util.Locale;
import java.util.Optional;

/** How an agent closed a hand-off; insight counts complaints handled informally separately. */
public enum Resolution {
    ANSWERED, REFERRED, COMPLAINT_HANDLED_INFORMALLY, CALLBACK_DONE, NO_RESPONSE, OTHER;

    public static Optional<Resolution> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
