package nl.loket.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "bel me terug aub",
            "grofvuil ophale aanvrage",
            "woz te hoog bezwaar hoe",
            "Hoe vraag ik een paspoort aan?",
            "wanneer word het grofvuil opgehaald",
            "ik wil mijn verhuizing doorgeven",
            "paspoort verlopen wat nu",
            "hoelaat is het stadswinkel open",
            "kan ik een afspraak maken voor een id kaart",
            "mijn container is niet geleegd",
            "lantaarnpaal kapot bij mij in de straat",
            "hoeveel kost een rijbewijs",
            "parkeervergunning aanvragen",
            "afspraak verzetten",
            "ik heb een vraag over de afvalstoffenheffing",
            "waar kan ik mn oud papier kwijt",
            "hallo ik wil graag een uittreksel brp",
            "kunt u mij helpen met kwijtschelding",
            "mn buurman heeft grofvuil op straat gezet",
            "wanneer is het gemeentehuis open",
            "hoi, kan ik nog betalen met pin bij de balie",
            "ik ben mijn rijbewijs kwijt",
            "bijzondere bijstand aanvragen hoe",
            "dank je wel",
            "goedemorgen, ik heb een vraag",
            "ophalen gft",
            "ff vragen hoe laat jullie open zijn",
            "is er een afvalkalender",
            "wat moet ik meenemen voor me paspoort",
            "melding doen van zwerfafval",
            "hoe kan ik bezwaar maken tegen de aanslag",
            "kapotte stoeptegel",
            "ik wil trouwen in nijmegen",
            "hondenbelasting opzeggen",
            "waarom is mijn pas nog niet klaar",
            "oké bedankt",
            "graag een terugbel verzoek",
            "Mijn moeder is overleden, wat moet ik regelen?",
            "Ik ben verhuisd naar Nijmegen en wil me inschrijven.",
            "Kan ik de afvalpas ook online aanvragen?",
    })
    void dutch(String text) {
        assertThat(DETECTOR.detect(text).code()).isEqualTo("nl");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Hoe vraag ik een paspoort aan?",
            "ik wil mijn verhuizing doorgeven",
            "kan ik een afspraak maken voor een id kaart",
            "Mijn moeder is overleden, wat moet ik regelen?",
            "bel me terug aub",
    })
    void clearDutchIsConfident(String text) {
        assertThat(DETECTOR.detect(text).confident()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "How do I get a parking permit?",
            "call me back please",
            "When is bulky waste collected?",
            "I need to renew my passport",
            "where can i register my new address",
            "hi, do you speak english",
            "how much does an id card cost",
            "I want to make an appointment",
            "my bin was not emptied",
            "can someone help me with my tax bill",
            "I moved to Nijmegen last week, what should I do?",
            "thanks for your help",
            "Is the city hall open on Saturday?",
            "how to apply for a driving licence",
            "the street light is broken",
            "what documents do I need for a marriage",
            "pls call me",
            "I lost my residence permit",
            "Can I pay the waste tax in instalments?",
            "who do I contact about noise from my neighbours",
            "where is the municipality office",
            "I would like to object to my property valuation",
    })
    void english(String text) {
        DetectedLanguage detected = DETECTOR.detect(text);
        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.confident()).isTrue();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Merhaba, pasaportumu nasıl yenilerim?              | tr",
            "Çöp ne zaman toplanıyor?                           | tr",
            "Randevu almak istiyorum, yardımcı olur musunuz?    | tr",
            "Belediyeye nasıl ulaşabilirim?                     | tr",
            "مرحبا كيف أجدد جواز سفري                           | ar",
            "أريد أن أحجز موعدا في البلدية                      | ar",
            "متى يتم جمع القمامة؟                               | ar",
            "Dzień dobry, jak mogę zgłosić przeprowadzkę?       | pl",
            "Chciałbym umówić wizytę w urzędzie                 | pl",
            "Kiedy odbierają śmieci wielkogabarytowe?           | pl",
            "Доброго дня, я хочу записатися на прийом           | uk",
            "Де я можу зареєструвати свою адресу?               | uk",
            "Мені потрібна допомога з житлом                    | uk",
            "Ich möchte meinen Umzug melden                     | de",
            "Wann wird der Sperrmüll abgeholt?                  | de",
            "Wie kann ich einen neuen Reisepass beantragen?     | de",
            "Guten Tag, ich habe eine Frage zu meiner Rechnung  | de",
            "Hola, ¿cómo puedo pedir una cita?                  | es",
            "¿Dónde puedo registrar mi nueva dirección?         | es",
            "Quiero registrarme en el ayuntamiento              | es",
            "Buenos días, tengo una pregunta sobre mis impuestos | es",
            "Bonjour, comment puis-je prendre rendez-vous ?     | fr",
            "J'ai perdu mon permis de conduire                  | fr",
            "Quand est-ce que les encombrants sont ramassés ?   | fr",
            "Où puis-je déclarer mon déménagement ?             | fr",
            "Здравствуйте, как мне записаться на приём?         | ru",
            "Мне нужна помощь с жильём                          | ru",
            "Salaan, sidee baan u codsadaa baasaboor?           | so",
            "Waxaan rabaa inaan ballan qabsado                  | so",
            "سلام چطور می توانم پاسپورت بگیرم                   | fa",
            "ሰላም ከመይ ኣለኹም                                       | ti",
            "ፓስፖርት ከመይ ክረክብ እኽእል?                               | ti",
    })
    void otherLanguages(String text, String code) {
        assertThat(DETECTOR.detect(text).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Merhaba, pasaportumu nasıl yenilerim?",
            "Dzień dobry, jak mogę zgłosić przeprowadzkę?",
            "Де я можу зареєструвати свою адресу?",
            "Guten Tag, ich habe eine Frage zu meiner Rechnung",
            "¿Dónde puedo registrar mi nueva dirección?",
            "Quand est-ce que les encombrants sont ramassés ?",
            "ሰላም ከመይ ኣለኹም",
    })
    void clearOtherLanguagesAreConfident(String text) {
        assertThat(DETECTOR.detect(text).confident()).isTrue();
    }

    /** Short texts without any evidence: Dutch, the municipality's default, and not confident. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ok", "gft", "Merhaba", "14 024", "okee", "brp", "help"})
    void shortTextWithoutEvidenceIsDutchByDefault(String text) {
        DetectedLanguage detected = DETECTOR.detect(text);
        assertThat(detected.code()).isEqualTo("nl");
        assertThat(detected.confident()).isFalse();
    }

    /** Too little to tell Spanish from Italian, or Ukrainian from Bulgarian: a guess, but never a confident wrong one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Necesito renovar mi pasaporte | es", "Як отримати паспорт? | uk"})
    void ambiguousTextIsNotConfidentlyWrong(String text, String code) {
        DetectedLanguage detected = DETECTOR.detect(text);
        if (detected.confident()) {
            assertThat(detected.code()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "123 456", "?!", "\uD83D\uDE00\uD83D\uDE00"})
    void nothingToGoOn(String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(new DetectedLanguage("nl", 0.0, false));
    }

    @Test
    void confidenceIsAShareBetweenZeroAndOne() {
        for (String text : new String[]{"Hoe vraag ik een paspoort aan?", "How do I get a parking permit?",
                "Ich möchte meinen Umzug melden", "ok", "مرحبا كيف أجدد جواز سفري"}) {
            assertThat(DETECTOR.detect(text).confidence()).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"nld, nl", "afr, nl", "lim, nl", "fry, nl", "nds, nl", "ltz, de", "gsw, de", "deu, de",
            "eng, en", "tur, tr", "ara, ar", "pes, fa", "fas, fa", "ukr, uk", "som, so", "cmn, zh", "heb, he",
            "ind, id", "ceb, ceb"})
    void mapsModelCodes(String iso3, String iso1) {
        assertThat(LanguageDetector.reportedCode(iso3)).isEqualTo(iso1);
    }
}
