package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;
import nl.loket.support.SpentSets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one concept of a list catches on the spent sets, each concept alone (another concept earlier in the list
 * cannot hide it): how many messages of the reason it is for, and every other message it fires on, with its text.
 * For editing a concept list before it ships; spent sets only, never a sealed one.
 * {@code mvn -Pevaluation test -Dtest=ConceptEvidence -Devaluation.concepts=sleeping-in-car,put-out-of-home}
 * ({@code -Devaluation.list=triage-case-specific-concepts -Devaluation.reason=CASE_SPECIFIC} for another list).
 */
@Tag("evaluation")
@EnabledIfSystemProperty(named = "evaluation.concepts", matches = ".+")
class ConceptEvidence {

    @Test
    void printEvidencePerConcept() {
        String listName = System.getProperty("evaluation.list", CrisisConcepts.LIST);
        String reason = System.getProperty("evaluation.reason", "CRISIS");
        SignalList list = SignalList.load(listName);
        for (String name : System.getProperty("evaluation.concepts").split(",")) {
            List<String> body = list.sections().get(name.strip());
            if (body == null) {
                throw new IllegalArgumentException("no concept [" + name + "] in " + listName);
            }
            Map<String, List<String>> one = new LinkedHashMap<>();
            one.put(name.strip(), body);
            Concepts concept = new Concepts(new SignalList(listName, one));
            int wanted = 0;
            int other = 0;
            for (String set : SpentSets.sets()) {
                for (SpentSets.Item item : SpentSets.items(set)) {
                    if (concept.firing(TextNormalizer.forMatching(item.text())).isEmpty()) {
                        continue;
                    }
                    if (reason.equals(item.reason())) {
                        wanted++;
                    } else {
                        other++;
                        System.out.printf("  %s fires on %s %s %s: %s%n", name, item.id(), item.expect(),
                                item.reason() != null ? item.reason() : item.topic() != null ? item.topic() : "",
                                item.oneLine());
                    }
                }
            }
            System.out.printf("%s: %d messages of %s, %d others, on the spent sets%n", name, wanted, reason, other);
        }
    }
}
