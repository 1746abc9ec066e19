package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * About the resident's own case, payment, letter or assessment ({@code triage-case-specific.txt}, and as concepts in
 * any word order in {@code triage-case-specific-concepts.txt}: "kunnen jullie dat nakijken"), an
 * entitlement question with their own figures ("ik verdien 1400 euro, heb ik recht op ..."), or something
 * they did at a moment in the past ("ik heb het 2 weken geleden aangevraagd"): the assistant informs about
 * rules but never decides on, or looks into, this resident's file. A question how to start a general procedure
 * ({@code triage-process-question.txt}: "hoe maak ik bezwaar") is answered, whatever case prompted it.
 */
final class CaseSpecificSignals implements TriageRule {

    private static final PhrasePatterns OWN_CASE = PhrasePatterns.words("triage-case-specific");
    private static final Concepts OWN_CASE_CONCEPTS = new Concepts(SignalList.load("triage-case-specific-concepts"));
    private static final PhrasePatterns ENTITLEMENT_QUESTION = PhrasePatterns.words("triage-entitlement-question");
    private static final PhrasePatterns PERSONAL_FIGURES = PhrasePatterns.words("triage-personal-figures");
    private static final PhrasePatterns OWN_ACTION = PhrasePatterns.words("triage-own-action");
    private static final PhrasePatterns TIME_REFERENCE = PhrasePatterns.words("triage-time-reference");
    private static final PhrasePatterns PROCESS_QUESTION = PhrasePatterns.words("triage-process-question");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        if (PROCESS_QUESTION.find(normalizedText).isPresent()) {
            // "I got a letter, how do I object?": the why is their case, the question is the general procedure.
            return Optional.empty();
        }
        Optional<PhrasePatterns.Hit> ownCase = OWN_CASE.find(normalizedText);
        if (ownCase.isPresent()) {
            return Optional.of(TriageResult.of(EscalationReason.CASE_SPECIFIC, ownCase.get().signal()));
        }
        Optional<String> concept = OWN_CASE_CONCEPTS.firing(normalizedText);
        if (concept.isPresent()) {
            return Optional.of(TriageResult.of(EscalationReason.CASE_SPECIFIC, concept.get()));
        }
        return both(ENTITLEMENT_QUESTION, PERSONAL_FIGURES, normalizedText)
                .or(() -> both(OWN_ACTION, TIME_REFERENCE, normalizedText));
    }

    private static Optional<TriageResult> both(PhrasePatterns first, PhrasePatterns second, String normalizedText) {
        return first.find(normalizedText).flatMap(a -> second.find(normalizedText)
                .map(b -> TriageResult.of(EscalationReason.CASE_SPECIFIC, a.signal() + " + " + b.signal())));
    }
}
