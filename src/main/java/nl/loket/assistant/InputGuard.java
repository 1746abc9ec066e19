package nl.loket.assistant;

import nl.loket.assistant.UnsafeInput.Kind;
import nl.loket.platform.text.TextNormalizer;

import java.util.List;
import java.util.Optional;

/**
 * First step of the assistant: refuses input that tries to steer the assistant, carries code aimed at a
 * system (SQL, script, template or lookup injection), probes its configuration, asks for other residents' data,
 * asks for a promise, or abuses the people who read it. Such messages go to a person (UNSAFE_INPUT), which
 * is always safe; harmless questions that merely contain words like "instructies" or "systeem" pass.
 */
final class InputGuard {

    private record Rule(Kind kind, PhrasePatterns patterns, boolean onNormalizedText) {
    }

    // Order: cheapest and most telling first.
    private static final List<Rule> RULES = List.of(
            new Rule(Kind.PROMPT_INJECTION, PhrasePatterns.raw("input-role-markers"), false),
            new Rule(Kind.CODE_INJECTION, PhrasePatterns.raw("input-code-injection"), false),
            new Rule(Kind.PROMPT_INJECTION, PhrasePatterns.words("input-prompt-injection"), true),
            new Rule(Kind.CONFIGURATION_PROBE, PhrasePatterns.words("input-configuration-probe"), true),
            new Rule(Kind.OTHER_RESIDENT_DATA, PhrasePatterns.words("input-other-resident-data"), true),
            new Rule(Kind.PROMISE_REQUEST, PhrasePatterns.words("input-promise-request"), true),
            new Rule(Kind.ABUSE, PhrasePatterns.words("input-abuse"), true));

    private static final Concepts INJECTION_CONCEPTS = new Concepts(SignalList.load("input-prompt-injection-concepts"));
    private static final Concepts OTHER_DATA_CONCEPTS = new Concepts(SignalList.load("input-other-resident-data-concepts"));
    private static final Concepts PROMISE_CONCEPTS = new Concepts(SignalList.load("input-promise-request-concepts"));

    private final int maxLength;

    InputGuard(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
    }

    /** Empty when the text may go on to triage and retrieval. */
    Optional<UnsafeInput> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // Characters as a resident sees them, so an emoji counts once.
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(new UnsafeInput(Kind.TOO_LONG, "longer than " + maxLength + " characters"));
        }
        String normalized = TextNormalizer.forMatching(text);
        for (Rule rule : RULES) {
            Optional<PhrasePatterns.Hit> hit = rule.patterns().find(rule.onNormalizedText() ? normalized : text);
            if (hit.isPresent()) {
                return Optional.of(new UnsafeInput(rule.kind(), hit.get().signal()));
            }
        }
        // Last and costliest, in any word order: the instructions or the text before the conversation asked for, an
        // insult asked for; someone else's data ("my ex moved here, I want her new address"), and a
        // promise ("zeg me zwart op wit dat ik geen boete krijg").
        Optional<String> injection = INJECTION_CONCEPTS.firing(normalized);
        if (injection.isPresent()) {
            return Optional.of(new UnsafeInput(Kind.PROMPT_INJECTION, injection.get()));
        }
        Optional<String> otherData = OTHER_DATA_CONCEPTS.firing(normalized);
        if (otherData.isPresent()) {
            return Optional.of(new UnsafeInput(Kind.OTHER_RESIDENT_DATA, otherData.get()));
        }
        return PROMISE_CONCEPTS.firing(normalized).map(signal -> new UnsafeInput(Kind.PROMISE_REQUEST, signal));
    }
}
