package nl.loket.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadabilityCheckTest {

    private final ReadabilityCheck check = new ReadabilityCheck();

    private static final String DUTCH_B1 = """
            U kunt grofvuil gratis laten ophalen. Maak eerst een afspraak. Dat kan online of via 14 024.
            Zet het grofvuil op de dag van de afspraak voor 7.30 uur buiten. Leg het aan de straat, bij uw huis.
            """;

    private static final String DUTCH_BUREAUCRATIC = "Op grond van artikel 4:8 van de Algemene wet bestuursrecht wordt "
            + "belanghebbende in de gelegenheid gesteld zijn zienswijze naar voren te brengen alvorens het "
            + "bestuursorgaan een beschikking geeft.";

    private static final String ENGLISH_PLAIN = """
            You can have bulky waste picked up for free. First make an appointment. You can do this online or call 14 024.
            Put the waste outside before 7.30 on the day of your appointment.
            """;

    private static final String ENGLISH_BUREAUCRATIC = "Pursuant to article 4:8 of the General Administrative Law Act, "
            + "the interested party shall be afforded the opportunity to submit representations prior to the "
            + "administrative authority issuing a decision.";

    @Test
    void plainDutchPasses() {
        ReadabilityReport report = check.assess(DUTCH_B1, "nl");
        assertThat(report.sentences()).isEqualTo(5);
        assertThat(report.longestSentenceWords()).isEqualTo(13);
        assertThat(report.tooLongSentences()).isEmpty();
        assertThat(report.score()).isGreaterThan(70);
        assertThat(report.passes()).isTrue();
    }

    @Test
    void bureaucraticDutchFails() {
        ReadabilityReport report = check.assess(DUTCH_BUREAUCRATIC, "nl");
        assertThat(report.sentences()).isEqualTo(1);
        assertThat(report.words()).isEqualTo(28);
        assertThat(report.longestSentenceWords()).isEqualTo(28);
        assertThat(report.tooLongSentences()).containsExactly(DUTCH_BUREAUCRATIC);
        assertThat(report.score()).isLessThan(60);
        assertThat(report.passes()).isFalse();
    }

    @Test
    void bureaucraticDutchFailsOnScoreAlsoWhenSplitIntoShortSentences() {
        String dense = "Belanghebbende ontvangt een beschikking. De bestuursrechtelijke procedure vereist zorgvuldige "
                + "belangenafweging. Bezwaarschriften worden inhoudelijk heroverwogen.";
        ReadabilityReport report = check.assess(dense, "nl");
        assertThat(report.longestSentenceWords()).isLessThanOrEqualTo(20);
        assertThat(report.score()).isLessThan(60);
        assertThat(report.passes()).isFalse();
    }

    @Test
    void plainEnglishPasses() {
        ReadabilityReport report = check.assess(ENGLISH_PLAIN, "en");
        assertThat(report.sentences()).isEqualTo(4);
        assertThat(report.score()).isGreaterThan(70);
        assertThat(report.passes()).isTrue();
    }

    @Test
    void bureaucraticEnglishFails() {
        ReadabilityReport report = check.assess(ENGLISH_BUREAUCRATIC, "en");
        assertThat(report.longestSentenceWords()).isGreaterThan(20);
        assertThat(report.score()).isLessThan(55);
        assertThat(report.passes()).isFalse();
    }

    @Test
    void longSentenceFailsEvenWithEasyWords() {
        String longSentence = "Je kunt je zak met afval op de dag dat hij komt voor acht uur aan de kant van de weg "
                + "bij je huis of bij de hoek van de straat zetten.";
        ReadabilityReport report = check.assess("Dat is fijn. " + longSentence, "nl");
        assertThat(report.score()).isGreaterThan(60);
        assertThat(report.tooLongSentences()).containsExactly(longSentence);
        assertThat(report.passes()).isFalse();
    }

    @Test
    void markdownListItemsAndLinesEndSentences() {
        String markdown = """
                ## Wat neemt u mee?
                - uw paspoort of id-kaart
                - een pasfoto
                * het **formulier** van de [website](https://www.nijmegen.nl/formulier)
                1. Maak een afspraak
                2. Kom op tijd
                Meer info: https://www.nijmegen.nl/paspoort
                """;
        ReadabilityReport report = check.assess(markdown, "nl");
        assertThat(report.sentences()).isEqualTo(7);
        assertThat(report.longestSentenceWords()).isEqualTo(5);
        assertThat(report.passes()).isTrue();
    }

    @Test
    void abbreviationsAndInitialsDoNotEndSentences() {
        ReadabilityReport report = check.assess("Neem bijv. uw paspoort mee. Vraag naar mevr. J. de Vries.", "nl");
        assertThat(report.sentences()).isEqualTo(2);
    }

    @Test
    void urlsAndNumbersAddNoSyllables() {
        ReadabilityReport withUrl = check.assess("Kijk op de site https://www.nijmegen.nl/afvalstoffenheffing-kwijtschelding.", "nl");
        ReadabilityReport withoutUrl = check.assess("Kijk op de site.", "nl");
        assertThat(withUrl.score()).isEqualTo(withoutUrl.score());
        ReadabilityReport withNumber = check.assess("Bel 14 024.", "nl");
        assertThat(withNumber.words()).isEqualTo(3);
        assertThat(withNumber.score()).isEqualTo(206.84 - 77 - 0.93 * 3, org.assertj.core.data.Offset.offset(0.001));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "- \n##\n", "https://www.nijmegen.nl"})
    void emptyTextDoesNotPass(String text) {
        ReadabilityReport report = check.assess(text, "nl");
        assertThat(report.words()).isZero();
        assertThat(report.passes()).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "paspoort, 2", "gemeente, 3", "belanghebbende, 5", "bestuursorgaan, 4", "zienswijze, 3",
            "rijbewijs, 3", "gelegenheid, 4", "geeft, 1", "naar, 1", "eeuw, 1", "mooie, 2", "nieuwe, 2",
            "koeien, 2", "saai, 1", "ideeën, 3", "geïnformeerd, 4", "bioscoop, 3", "ruimte, 2", "ouders, 2",
            "theater, 3", "u, 1", "brp, 1", "Algemene, 4", "huis, 1", "duur, 1", "fiets, 1",
    })
    void dutchSyllables(String word, int syllables) {
        assertThat(ReadabilityCheck.dutchSyllables(word)).isEqualTo(syllables);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "the, 1", "make, 1", "waste, 1", "appointment, 3", "outside, 2", "bulky, 2", "administrative, 5",
            "opportunity, 5", "decision, 3", "needed, 2", "free, 1", "you, 1", "online, 2",
    })
    void englishSyllables(String word, int syllables) {
        assertThat(ReadabilityCheck.englishSyllables(word)).isEqualTo(syllables);
    }
}
