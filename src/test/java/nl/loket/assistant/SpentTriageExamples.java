package nl.loket.assistant;

import nl.loket.support.SpentSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The messages of the spent evaluation sets ({@link SpentSets}) as training examples for triage's two classifiers:
 * crises and escalations as people outside the team wrote them, in every kind and language, and ordinary messages and
 * look-alikes that must not go to a person. Run with {@code -Dassistant.export-triage-examples=true} to write both
 * files under {@code src/main/resources/assistant/}.
 */
class SpentTriageExamples {

    static final Path CRISIS_FILE = Path.of("src/main/resources" + CrisisClassifier.SPENT_SETS_TRAINING);
    static final Path ESCALATION_FILE = Path.of("src/main/resources" + EscalationClassifier.TRAINING);
    /** Reasons the escalation classifier learns; crisis has its own classifier and other languages are detected. */
    static final Set<String> LEARNED_REASONS = Set.of("CASE_SPECIFIC", "COMPLAINT", "HUMAN_REQUESTED", "UNSAFE_INPUT", "COMPLEX");

    @Test
    @EnabledIfSystemProperty(named = "assistant.export-triage-examples", matches = "true")
    void export() throws IOException {
        String regenerate = "# Regenerate with mvn test -Dtest=SpentTriageExamples -Dassistant.export-triage-examples=true. Sample content.\n";
        StringBuilder crisis = new StringBuilder("""
                # Training examples for Loket's crisis classifier from the spent evaluation sets (written by people outside
                # the team, see docs/evaluation.md): every message, CRISIS when its label is a crisis, OTHER otherwise.
                # Format as crisis-training.txt: LABEL<TAB>text.
                """).append(regenerate);
        StringBuilder escalation = new StringBuilder("""
                # Training examples for Loket's escalation classifier from the spent evaluation sets (docs/evaluation.md):
                # messages in Dutch or English labelled with their escalation reason, or NONE for a question to answer or
                # to hold back as out of scope. Crises and other languages are left out: they have their own checks.
                # Format: LABEL<TAB>text.
                """).append(regenerate);
        for (String set : SpentSets.sets()) {
            crisis.append("# ").append(set).append('\n');
            escalation.append("# ").append(set).append('\n');
            for (SpentSets.Item item : SpentSets.items(set)) {
                boolean isCrisis = "CRISIS".equals(item.reason());
                crisis.append(isCrisis ? CrisisClassifier.CRISIS : CrisisClassifier.OTHER).append('\t').append(item.oneLine()).append('\n');
                if (isCrisis || !Set.of("nl", "en").contains(item.language())) {
                    continue;
                }
                String label = "ESCALATE".equals(item.expect()) ? item.reason() : EscalationClassifier.NONE;
                if (label.equals(EscalationClassifier.NONE) || LEARNED_REASONS.contains(label)) {
                    escalation.append(label).append('\t').append(item.oneLine()).append('\n');
                }
            }
        }
        Files.writeString(CRISIS_FILE, crisis);
        Files.writeString(ESCALATION_FILE, escalation);
        System.out.println("SPENT TRIAGE EXAMPLES written to " + CRISIS_FILE + " and " + ESCALATION_FILE);
    }
}
