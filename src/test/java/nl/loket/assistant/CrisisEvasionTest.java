package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crisis written to slip past lists, one test per trick so each can fail on its own. The normaliser in
 * front of every rule reads all of these as the plain words.
 */
class CrisisEvasionTest {

    private static final Triage triage = new Triage();

    private void urgent(String text) {
        assertThat(triage.classify(text)).as(text).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(EscalationReason.CRISIS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ik denk aan zelf\u00ADmoord", "ik wil me\u00ADzelf iets aan\u00ADdoen", "zelf\u00ADdoding"})
    void softHyphenInsideAWord(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ik denk aan zelf\u200Dmoord", "zelf\u200Cmoord plegen", "ik denk aan zelf\u200Bmoord"})
    void zeroWidthJoinersAndSpaces(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ik denk aan zelf\u2060moord", "sui\u2060cide"})
    void wordJoiner(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"z e l f m o o r d", "ik denk aan z-e-l-f-m-o-o-r-d", "s u i c i d e"})
    void spacedOutLetters(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"z3lfm00rd", "ik wil d00d", "su1c1de", "k1ll mys3lf"})
    void leetspeakDigits(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ik denk aan zеlfmооrd", "ѕuісіdе", "ik wil dооd"})
    void cyrillicLookAlikeLetters(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ｚｅｌｆｍｏｏｒｄ", "ｉｋ ｗｉｌ ｄｏｏｄ"})
    void fullwidthLetters(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zelfmooooorddddd", "ik wiiiil doooood", "suiiiiicide"})
    void repeatedLetters(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ich will mich umbringen", "ich will nicht mehr leben", "mein Mann schlägt mich"})
    void german(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I want to end it all", "i dont want to live anymore", "im gonna kill myself"})
    void english(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"IKWILDOOD", "ikwilzelfmoordplegen", "IK WIL NIE MEER LEVE"})
    void smsWithoutSpacesOrInCapitals(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intihar etmek istiyorum", "myślę o samobójstwie, samobójstwo", "أفكر في الانتحار انتحار",
            "kocam beni dövüyor", "ölmek istiyorum", "أريد أن أموت", "chcę umrzeć", "mąż bije mnie", "хочу померти",
            "он бьёт меня", "quiero morirme", "mi marido me pega", "je veux mourir", "il me frappe tous les jours",
            "quero morrer", "vreau să mor"})
    void fallbackLanguages(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ich möchte nicht mehr leben", "mein Freund hat mich geschlagen", "ich werde bedroht",
            "wir haben heute Nacht keine Unterkunft", "meine Mutter atmet nicht mehr", "es riecht nach Gas im Treppenhaus",
            "ich bringe mich um", "die Kinder haben seit zwei Tagen nichts gegessen"})
    void moreGerman(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"everyone would be better off without me", "i can't do this anymore, i want to end it all",
            "I took all my sleeping pills", "my boyfriend threatens me every day", "we have nowhere to sleep tonight",
            "my dad is not breathing", "the kids next door are left alone for days", "no heating and a newborn baby"})
    void moreEnglish(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik bijzondere bijstand aan, en eigenlijk zie ik het allemaal niet meer zitten",
            "wanneer wordt het grofvuil opgehaald? ik wil eigenlijk gewoon dood"})
    void crisisInsideAPracticalQuestion(String text) {
        urgent(text);
    }

    @org.junit.jupiter.api.Test
    void theNormaliserCanReadEveryTrickAsThePlainWord() {
        for (String trick : List.of("zelf\u00ADmoord", "zelf\u200Dmoord", "zelf\u2060moord", "z e l f m o o r d",
                "z3lfm00rd", "ｚｅｌｆｍｏｏｒｄ", "ZELFMOORD")) {
            assertThat(nl.loket.platform.text.TextNormalizer.forMatching(trick)).as(trick).isEqualTo("zelfmoord");
        }
    }
}
