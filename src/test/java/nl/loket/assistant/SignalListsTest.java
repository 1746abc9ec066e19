package nl.loket.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalListsTest {

    /** Every list the municipality may edit must load and compile; a bad edit fails here, not in production. */
    @ParameterizedTest
    @ValueSource(strings = {
            "triage-crisis", "triage-human-request", "triage-callback-request", "triage-complaint", "triage-case-specific",
            "triage-entitlement-question", "triage-personal-figures", "triage-own-action", "triage-time-reference",
            "triage-life-problems",
            "input-prompt-injection", "input-configuration-probe", "input-other-resident-data", "input-promise-request",
            "input-abuse", "triage-crisis-idioms", "triage-crisis-hedged", "triage-process-question"})
    void phraseListsCompile(String name) {
        assertThat(PhrasePatterns.words(name).find("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"triage-crisis-words", "triage-complaint-words", "language-nl-words", "language-en-words", "language-expected",
            "language-code-folds", "language-scripts", "language-letters", "readability-abbreviations", "input-role-markers",
            "input-code-injection", "triage-crisis-everyday-words"})
    void otherListsLoad(String name) {
        assertThat(SignalList.load(name).entries()).isNotEmpty();
    }

    @Test
    void roleMarkersCompileAsRawPatterns() {
        assertThat(PhrasePatterns.raw("input-role-markers").find("gewone vraag")).isEmpty();
        assertThat(PhrasePatterns.raw("input-code-injection").find("gewone vraag")).isEmpty();
    }

    @Test
    void brokenEntryFailsAtLoadNamingTheLine() {
        assertThatThrownBy(() -> PhrasePatterns.words("test-broken"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-broken")
                .hasMessageContaining("(unclosed group");
    }

    @Test
    void missingListFailsLoudly() {
        assertThatThrownBy(() -> SignalList.load("does-not-exist")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sectionsAndSignals() {
        SignalList list = SignalList.load("test-phrases");
        assertThat(list.sections()).containsOnlyKeys("", "gap", "accent");
        assertThat(list.signal("gap", "x")).isEqualTo("test-phrases/gap: x");
        assertThat(list.signal("", "x")).isEqualTo("test-phrases: x");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "beloof dat ik                       | gap",
            "beloof me nou maar dat ik           | gap",
            "beloof me nou echt heel dat ik      | gap",
            "suicide                             | accent",
            "dit is ongesectioneerd              | ''",
    })
    void phrasesMatchWholeWordsWithGapsAndWithoutAccents(String text, String section) {
        assertThat(PhrasePatterns.words("test-phrases").find(text)).get()
                .extracting(PhrasePatterns.Hit::section).isEqualTo(section);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beloof me een twee drie vier vijf dat ik", "onbeloof dat ik", "suicidetest", "belofte dat ik"})
    void phrasesDoNotMatchInsideWordsOrOverLongGaps(String text) {
        assertThat(PhrasePatterns.words("test-phrases").find(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "zelfmoord, zelfmoord", "zelfmoort, zelfmoord", "zelfmord, zelfmoord", "zelfmoordd, zelfmoord",
            "zlefmoord, zelfmoord", "suicde, suicide", "siucide, suicide", "dakloos, dakloos", "daklooos, dakloos"})
    void withinOneEdit(String word, String entry) {
        assertThat(FuzzyWords.matches(word, entry)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
            "zelfmoordpreventie, zelfmoord", "zalfmoort, zelfmoord", "daklozen, dakloos", "dood, doos",
            "suiker, suicide", "dak, dakloos", "mord, moord"})
    void notWithinOneEdit(String word, String entry) {
        assertThat(FuzzyWords.matches(word, entry)).isFalse();
    }
}
