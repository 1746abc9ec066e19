package nl.loket.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STOP|STOP", "stop|STOP", " Stop |STOP", "sToP!|STOP", "stop.|STOP",
            "STOPALL|STOPALL", "stopall|STOPALL", "STOP ALL|STOPALL", "Stop  All|STOPALL",
            "UITSCHRIJVEN|UITSCHRIJVEN", "uitschrijven|UITSCHRIJVEN", "Uit schrijven|UITSCHRIJVEN",
            "AFMELDEN|AFMELDEN", "afmelden|AFMELDEN", "Af melden|AFMELDEN"})
    void everyOptOutWordInAnyCaseAndSpacing(String text, String word) {
        assertThat(OptOutCommand.parse(text)).hasValueSatisfying(p -> {
            assertThat(p.command()).isEqualTo(OptOutCommand.OPT_OUT);
            assertThat(p.word()).isEqualTo(word);
        });
    }

    @org.junit.jupiter.api.Test
    void tabsAndLineBreaksAroundTheWordDoNotMatter() {
        assertThat(OptOutCommand.parse("\tAfmelden\n")).hasValueSatisfying(p -> assertThat(p.word()).isEqualTo("AFMELDEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " Start ", "AANMELDEN", "aanmelden", "Aan melden"})
    void everyOptInWord(String text) {
        assertThat(OptOutCommand.parse(text)).hasValueSatisfying(p -> assertThat(p.command()).isEqualTo(OptOutCommand.OPT_IN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop met sturen", "Hoe kan ik stoppen?", "stoppen", "STOPPEN", "afmelden verhuizing",
            "", "   ", "start een gesprek", "ik wil me afmelden"})
    void sentencesAreQuestionsNotCommands(String text) {
        assertThat(OptOutCommand.parse(text)).isEmpty();
    }
}
