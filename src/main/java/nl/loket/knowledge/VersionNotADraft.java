package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** Only a draft waits for approval; an imported, rolled-back or already approved version does not. */
class VersionNotADraft extends ProblemException {

    VersionNotADraft(DraftId version) {
        super(409, "Not a draft", null, "Version " + version + " is not a draft waiting for approval.");
    }
}
