package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Crisis phrases residents also use about ordinary things count only when the crisis classifier sees danger too. */
class HedgedCrisisSignalsTest {

    static final CrisisClassifier CLASSIFIER = new CrisisClassifier();
    static final HedgedCrisisSignals HEDGED = new HedgedCrisisSignals(CLASSIFIER);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "er brandt iets en de rookmelder gaat af",
            "my daughter is drowning in the pool, help",
            "it's an emergency, my father collapsed and is not breathing",
            "he came back drunk and is screaming that he will kill me, I locked myself in the bathroom"})
    void aDangerPhraseInADangerousMessageIsACrisis(String text) {
        assertThat(HEDGED.match(TextNormalizer.forMatching(text))).get()
                .extracting(TriageResult::reason).isEqualTo(EscalationReason.CRISIS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "my inbox is drowning in letters from the council, how do I object to a decision",
            "de rookmelder ging af omdat de pan aanbrandde, waar kan ik een nieuwe batterij halen",
            "ik ben doodsbang om te laat te zijn voor mijn afspraak bij de stadswinkel, kan ik verzetten",
            "er was brand in de keuken van de buren vorig jaar, wie betaalt de schade aan de gevel",
            "my mum will kill me if I forget to renew her parking permit again, where do I do that online"})
    void theSamePhraseAboutAnOrdinaryThingIsNoAlarm(String text) {
        String normalized = TextNormalizer.forMatching(text);
        assertThat(PhrasePatterns.words("triage-crisis-hedged").find(normalized)).as("the phrase is there").isPresent();
        assertThat(CLASSIFIER.crisisProbability(normalized)).isLessThan(HedgedCrisisSignals.GATE);
        assertThat(HEDGED.match(normalized)).isEmpty();
        assertThat(new Triage().classify(text)).isEmpty();
    }

    @Test
    void theFullTriageStillCatchesAFireBehindTheDoor() {
        assertThat(new Triage().classify("fire in my building").map(TriageResult::reason)).contains(EscalationReason.CRISIS);
    }
}
