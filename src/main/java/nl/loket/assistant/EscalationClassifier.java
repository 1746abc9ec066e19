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

    /** Probability of a reason at or above which the classifier fires. */
    static final double THRESHOLD = 0.7;
    static final double L2_COST = 0.5;

    private static final class Model {
        static final DoccatModel INSTANCE = CrisisClassifier.train(TRAINING, ResourceLines.read(TRAINING), LABELS, L2_COST);
    }

    private final ThreadLocal<DocumentCategorizerME> categorizer =
            ThreadLocal.withInitial(() -> new DocumentCategorizerME(Model.INSTANCE));

    EscalationClassifier() {
        // trained here, at start-up, once per process
        java.util.Objects.requireNonNull(Model.INSTANCE);
    }

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return Optional.empty();
        }
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(normalizedText.split(" "));
        String best = me.getBestCategory(p);
        double top = p[me.getIndex(best)];
        if (NONE.equals(best) || top < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(TriageResult.of(EscalationReason.valueOf(best), "escalation-classifier: p >= " + THRESHOLD));
    }
}
