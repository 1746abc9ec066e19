package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.ResourceLines;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

import java.util.Optional;
import java.util.Set;

/**
 * The learned way to see that a message needs a person for a reason other than a crisis: a maximum-entropy categorizer
 * trained at start-up on the spent evaluation sets' messages ({@link #TRAINING}), labelled with their escalation reason
 * (a personal case, a complaint, a request for a person, abuse or probing, several problems at once) or {@code NONE}.
 * It comes after every list and concept, so it only catches what they missed, and it fires only when it is sure
 * ({@link #THRESHOLD}): a question it takes for a personal case goes to a person instead of being answered, which costs
 * the resident a wait but never gives a wrong answer.
 */
final class EscalationClassifier implements TriageRule {

    static final String TRAINING = "/assistant/escalation-training-spent-sets.txt";
    static final String NONE = "NONE";
    static final Set<String> LABELS = Set.of(NONE, EscalationReason.CASE_SPECIFIC.name(), EscalationReason.COMPLAINT.name(),
            EscalationReason.HUMAN_REQUESTED.name(), EscalationReason.UNSAFE_INPUT.name(), EscalationReason.COMPLEX.name());

    /**
     * Probability of a reason at or above which the classifier fires. Chosen by holding out one spent set at a time
     * (TriageCrossValidation, docs/evaluation.md): from 0.7 to 0.6 caught 301 of 368 escalations instead of 293 for
     * one more answerable question of 1,560 sent to a person. With sets j-p held out, 0.5 catches 577 of 644 instead of
     * 571 for one more answerable question of 2,730 (0.4: 581, but six of TriageTest's ordinary sentences then went).
     */
    static final double THRESHOLD = 0.5;
    static final double L2_COST = 0.5;

    private static final class Model {
        static final DoccatModel INSTANCE = CrisisClassifier.train(TRAINING, ResourceLines.read(TRAINING), LABELS, L2_COST);
    }

    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final double threshold;

    EscalationClassifier() {
        // trained here, at start-up, once per process
        this(Model.INSTANCE, THRESHOLD);
    }

    /** With a model and threshold of its own: the cross-validation trains one per held-out set. */
    EscalationClassifier(DoccatModel model, double threshold) {
        java.util.Objects.requireNonNull(model);
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        this.threshold = threshold;
    }

    /**
     * Probability of {@link #NONE} from which a case list's reason is overruled ({@link OverruledWhenSurelyNone}).
     * Held out one spent set at a time (TriageCrossValidation), the case lists sent 28 answerable questions to a
     * person; at 0.98 the classifier was sure of 26 of them, and of 6 of the 61 personal cases the lists caught.
     */
    static final double SURE_NONE = 0.98;

    boolean surelyNone(String normalizedText) {
        Guess guess = guess(normalizedText);
        return NONE.equals(guess.label()) && guess.probability() >= SURE_NONE;
    }

    /** The most probable label and its probability, {@link #NONE} included. */
    Guess guess(String normalizedText) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(normalizedText.split(" "));
        String best = me.getBestCategory(p);
        return new Guess(best, p[me.getIndex(best)]);
    }

    record Guess(String label, double probability) {
    }

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return Optional.empty();
        }
        Guess guess = guess(normalizedText);
        if (NONE.equals(guess.label()) || guess.probability() < threshold) {
            return Optional.empty();
        }
        return Optional.of(TriageResult.of(EscalationReason.valueOf(guess.label()), "escalation-classifier: p >= " + threshold));
    }
}
