package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * About the resident's own case, payment, letter or assessment ({@code triage-case-specific.txt}), or
 * an entitlement question with their own figures ("ik verdien 1400 euro, heb ik recht op ..."): the
 * assistant informs about rules but never decides whether this resident is entitled.
 */
final class CaseSpecificSignals implements TriageRule {

    private static final PhrasePatterns OWN_CASE = PhrasePatterns.words("triage-case-specific");
    private static final PhrasePatterns ENTITLEMENT_QUESTION = PhrasePatterns.words("triage-entitlement-question");
    private static final PhrasePatterns PERSONAL_FIGURES = PhrasePatterns.words("triage-personal-figures");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        Optional<PhrasePatterns.Hit> ownCase = OWN_CASE.find(normalizedText);
        if (ownCase.isPresent()) {
            return Optional.of(TriageResult.of(EscalationReason.CASE_SPECIFIC, ownCase.get().signal()));
        }
        return ENTITLEMENT_QUESTION.find(normalizedText).flatMap(question -> PERSONAL_FIGURES.find(normalizedText)
                .map(figures -> TriageResult.of(EscalationReason.CASE_SPECIFIC, question.signal() + " + " + figures.signal())));
    }
}
