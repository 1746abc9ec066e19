package nl.loket.assistant;

import nl.loket.platform.privacy.Finding;
import nl.loket.platform.text.TextNormalizer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides, before any retrieval, whether a message must go to a person. Rules run cheapest and most
 * important first and the first hit wins: a crisis is never downgraded to a complaint.
 *
 * <p>Triage sees redacted text. A placeholder the redactor left ("[BSN]", "[IBAN]", "[ADRES]", ...) is
 * matched as one word of its own, {@code gegeven} plus the kind ("gegevenbsn", "gegeveniban",
 * "gegevenadres", "gegeventelefoon", "gegevenemail", "gegevenkenteken"), so the lists can tell personal data
 * the resident gave from the mere word ("wat is een bsn").
 */
final class Triage {

    static final String PERSONAL_DATA_WORD = "gegeven";

    private final List<TriageRule> rules;

    Triage() {
        this(List.of(new CrisisSignals(), new CrisisConcepts(), new CrisisClassifier(), new HumanRequestSignals(), new ComplaintSignals(),
                new CaseSpecificSignals(), new ComplexSignals()));
    }

    Triage(List<TriageRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Empty when nothing calls for a person; the assistant may then try to answer. */
    Optional<TriageResult> classify(String text) {
        String normalized = TextNormalizer.forMatching(markPersonalData(text));
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (TriageRule rule : rules) {
            Optional<TriageResult> result = rule.match(normalized);
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    /** "[BSN]" becomes " gegevenbsn ": one word that survives normalisation. */
    static String markPersonalData(String text) {
        if (text == null || text.indexOf('[') < 0) {
            return text;
        }
        String marked = text;
        for (Finding.Kind kind : Finding.Kind.values()) {
            String placeholder = kind.replacement();
            String word = PERSONAL_DATA_WORD + placeholder.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
            marked = marked.replace(placeholder, " " + word + " ");
        }
        return marked;
    }
}
