package nl.loket.assistant;

import java.util.Optional;

/**
 * A list's reason for a person stands unless the escalation classifier is all but certain the message needs none
 * ({@link EscalationClassifier#SURE_NONE}). The case lists read words ("ik heb een brief gekregen", "mijn aanvraag")
 * that residents also write as background to a general question ("…hoe maak ik bezwaar?"); the classifier, trained on
 * thousands of messages people outside the team wrote, weighs the whole message. The complaint lists too: residents
 * vent beside a plain question ("ik ben het zat met al die formulieren, hoe vraag ik een briefadres aan?"). Held out
 * one spent set at a time (sets j–n), the veto lost 1 of the 67 complaints the lists caught and answered 16 of the 17
 * answerable questions they sent to a person. Never used for a crisis or a request for a person.
 */
record OverruledWhenSurelyNone(TriageRule list, EscalationClassifier classifier) implements TriageRule {

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return list.match(normalizedText).filter(result -> !classifier.surelyNone(normalizedText));
    }
}
