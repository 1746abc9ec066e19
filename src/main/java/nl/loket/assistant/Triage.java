package nl.loket.assistant;

import nl.loket.platform.privacy.Finding;
import nl.loket.contact.EscalationReason;
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
    private final CrisisClassifier classifier;
    private final CrisisConcepts dangerWords;
    private final double doubtThreshold;

    /**
     * {@code loket.assistant.crisis-doubt}'s default. Not 0.5: the classifier says exactly 0.5 when it knows no word of
     * a message (a script it was never trained on), and knowing nothing is no doubt. Held out one spent set at a time
     * (TriageCrossValidation), 0.55 catches three crises more than 0.6 did and raises no more other escalations.
     */
    static final double DEFAULT_DOUBT = 0.55;

    /**
     * The doubt threshold for a message that also holds a danger word of the crisis concepts ("brug", "pillen",
     * "ophangen"). Held out one spent set at a time (TriageCrossValidation), it caught 3 of the 5 crises the rules and
     * the plain doubt missed, for 8 more of 828 other escalations raised to urgent: a person reads them either way.
     */
    static final double DANGER_WORD_DOUBT = 0.2;

    /** All rules, with the default for {@link #crisisInDoubt}. */
    Triage() {
        this(DEFAULT_DOUBT);
    }

    /** @param doubtThreshold P(CRISIS) from which a message going to a person anyway goes as a crisis */
    Triage(double doubtThreshold) {
        // One set of crisis concepts (a long list to parse) serves the concept rule, the classifier's gate and the doubt.
        this(new CrisisConcepts(), doubtThreshold);
    }

    private Triage(CrisisConcepts concepts, double doubtThreshold) {
        this(concepts, new CrisisClassifier(CrisisClassifier.THRESHOLD, concepts), new EscalationClassifier(), doubtThreshold);
    }

    private Triage(CrisisConcepts concepts, CrisisClassifier classifier, EscalationClassifier escalation,
                   double doubtThreshold) {
        this(List.of(new CrisisSignals(), concepts, classifier, new HedgedCrisisSignals(classifier), new HumanRequestSignals(),
                new OverruledWhenSurelyNone(new ComplaintSignals(), escalation),
                new OverruledWhenSurelyNone(new CaseSpecificSignals(), escalation), new ComplexSignals(), escalation),
                concepts, classifier, doubtThreshold);
    }

    /** Only these rules, and no second look in doubt. */
    Triage(List<TriageRule> rules) {
        this(rules, null, null, 1.0);
    }

    private Triage(List<TriageRule> rules, CrisisConcepts dangerWords, CrisisClassifier classifier, double doubtThreshold) {
        this.rules = List.copyOf(rules);
        this.dangerWords = dangerWords;
        this.classifier = classifier;
        this.doubtThreshold = doubtThreshold;
    }

    /**
     * Whether a message that is going to a person for another reason is probably a crisis after all: then it goes
     * first in line with the help numbers (when in doubt, urgent). An answer is held back only by the plain doubt,
     * {@link #crisisTooLikelyToAnswer}.
     */
    boolean crisisInDoubt(String text) {
        return crisisDoubt(text, true);
    }

    /**
     * Whether a message no rule sends to a person is too likely a crisis to be answered from an article: then it goes
     * first in line with the help numbers instead, and a person reads it. The plain doubt only, not the lower one with
     * a danger word: residents who use danger words as idioms about ordinary things ("ik ga dood van die wachtrij") are
     * exactly the ones who should get their answer. Held out one spent set at a time (sets j-o, TriageCrossValidation),
     * it caught 13 of the 35 crises no rule sent to a person, for 4 of 2,223 answerable questions and 2 out of scope
     * not answered; with the danger-word doubt too it would have caught 3 more for 7 more answerable questions.
     */
    boolean crisisTooLikelyToAnswer(String text) {
        return crisisDoubt(text, false);
    }

    /** The classifier's doubt: the plain threshold, and with {@code orDangerWord} the lower one with a danger word. */
    private boolean crisisDoubt(String text, boolean orDangerWord) {
        if (classifier == null) {
            return false;
        }
        String normalized = TextNormalizer.forMatching(markPersonalData(text));
        if (normalized.isEmpty()) {
            return false;
        }
        double p = classifier.crisisProbability(normalized);
        return p >= doubtThreshold || orDangerWord && p >= DANGER_WORD_DOUBT && dangerWords.hasDangerWord(normalized);
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

    /**
     * What the rules after a request for a person say of this message: a resident who asks to be called back about
     * their own case or with a complaint is that case or complaint (its priority, its team), and gets the times too.
     * Empty when no later rule fires, or these rules have no request for a person.
     */
    Optional<TriageResult> besidesHumanRequest(String text) {
        String normalized = TextNormalizer.forMatching(markPersonalData(text));
        boolean after = false;
        for (TriageRule rule : rules) {
            if (after) {
                Optional<TriageResult> result = rule.match(normalized);
                if (result.isPresent()) {
                    return result.filter(r -> r.reason() != EscalationReason.CRISIS
                                              && r.reason() != EscalationReason.HUMAN_REQUESTED);
                }
            }
            after = after || rule instanceof HumanRequestSignals;
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
