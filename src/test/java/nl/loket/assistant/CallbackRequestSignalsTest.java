package nl.loket.assistant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which messages ask to be called back, so the assistant offers times (triage-callback-request.txt). */
class CallbackRequestSignalsTest {

    private final CallbackRequestSignals signals = new CallbackRequestSignals();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // Dutch
            "kunt u mij terugbellen",
            "Kunt u mij terugbellen?",
            "bel me morgen terug",
            "Bel mij aub terug",
            "belt u mij terug?",
            "kan iemand me morgen even terugbellen",
            "wilt u mij vanmiddag bellen",
            "kunnen jullie mij zsm terugbellen over mijn aanslag",
            "ik wil graag teruggebeld worden",
            "kan ik morgen gebeld worden?",
            "graag terugbellen",
            "terugbellen aub",
            "Terugbellen",
            "u mag mij terugbellen",
            "ik wil een terugbelverzoek doen",
            "bel me morgen om 10 uur terug",
            "kunt u mij terugbellen op 0612345678",
            // SMS spelling
            "kun je me ff terugbellen",
            "kan u mij ff trugbellen",
            "bel me ff terug pls",
            "kun je me effe terug bellen",
            "kunt u me terugbelle",
            "terugbellen ajb",
            // English
            "call me back",
            "Could you call me back tomorrow?",
            "please ring me back",
            "can someone call me",
            "can you phone me tomorrow",
            "call me tomorrow please",
            "I'd like a call back",
            "I want a callback",
            "can I get a call back about my bin",
            "I would like to be called back",
            "pls cal me back",
            "cll me back plz",
            "can u call me",
    })
    void aRequestToBeCalledBackIsRecognised(String text) {
        assertThat(signals.asked(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // the resident called, or was called: not a request
            "ik heb gisteren al teruggebeld",
            "ik ben gisteren teruggebeld",
            "ik heb de belastingdienst al teruggebeld maar niemand nam op",
            "ik moet de belastingdienst nog terugbellen",
            "mag ik u terugbellen",
            "ik bel u morgen terug",
            "hoe kan ik jullie terugbellen",
            "kunt u mij vertellen hoe ik jullie kan bellen",
            "mijn buurman belt me morgen terug",
            // a promise not kept, or no call wanted
            "jullie zouden mij terugbellen maar niemand belde",
            "waarom belt niemand mij terug",
            "u hoeft mij niet terug te bellen",
            "bel me niet terug",
            "ik wil niet teruggebeld worden",
            "ik word steeds gebeld door oplichters",
            "wat is het telefoonnummer van de gemeente",
            "wanneer is de gemeente telefonisch bereikbaar",
            // English
            "I already called back yesterday",
            "nobody called me back",
            "you said you would call me back",
            "why didn't you call me back",
            "please don't call me back",
            "can I call you back later",
            "my neighbour will call me back",
            "what is your phone number",
            "I don't want a callback",
    })
    void anotherSenseOfCallingBackIsNot(String text) {
        assertThat(signals.asked(text)).isFalse();
    }
}
