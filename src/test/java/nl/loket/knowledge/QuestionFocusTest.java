package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFocusTest {

    @Test
    void aLetterIsReadByTheSentencesThatAsk() {
        assertThat(QuestionFocus.askingPart("""
                Geachte heer of mevrouw,
                Ik ben 84 jaar en mijn zoon regelt veel voor mij. Hij zegt dat het makkelijk is.
                Hoe vraag ik zo'n DigiD aan? Kan mijn zoon dat voor mij doen?
                Met vriendelijke groet"""))
                .isEqualTo("Hoe vraag ik zo'n DigiD aan? Kan mijn zoon dat voor mij doen?");
        assertThat(QuestionFocus.askingPart("We moved here last month. How do I register my new address"))
                .isEqualTo("How do I register my new address");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik een paspoort aan?",
            "ja hallo eh ik wou vragen hoe het zit met de parkeervergunning voor mijn straat",
            "Ik ben verhuisd. Ik heb een nieuwe baan.",
            "Hoe vraag ik een paspoort aan? Wat kost het?"})
    void aMessageThatIsAllQuestionOrNoQuestionHasNoSeparateFocus(String text) {
        assertThat(QuestionFocus.askingPart(text)).isNull();
    }

    @Test
    void theSameTopicAskedAloneOnlyEverRaisesTheConfidence() {
        KnowledgeBase kb = ShippedKnowledgeBase.get();
        String letter = "Geachte heer of mevrouw, Mijn moeder is vorige maand verhuisd naar een verzorgingshuis in Lent. "
                + "Haar oude woning wordt leeggehaald door de familie en er staan nog veel meubels. "
                + "Hoe kunnen wij de oude bank en kasten laten ophalen?";
        Retrieval whole = kb.retriever().retrieve(letter, "nl", (t, l) -> null);
        Retrieval focused = kb.retrieve(letter, "nl");
        assertThat(focused.topic()).isEqualTo(whole.topic());
        assertThat(focused.confidence()).isGreaterThanOrEqualTo(whole.confidence());
        assertThat(focused.contentWords()).isEqualTo(whole.contentWords());
    }
}
