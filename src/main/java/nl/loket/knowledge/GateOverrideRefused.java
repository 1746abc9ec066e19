package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** Only a supervisor may publish a draft the evaluation gate refused; an editor's override is refused. */
class GateOverrideRefused extends ProblemException {

    GateOverrideRefused() {
        super(403, "Override of the evaluation gate refused", "override",
                "Only a supervisor may publish a draft despite the evaluation gate. Change the draft instead.");
    }
}
