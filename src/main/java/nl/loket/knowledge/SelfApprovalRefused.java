package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** Four eyes: the editor who wrote a draft cannot also approve it; another editor must. */
class SelfApprovalRefused extends ProblemException {

    SelfApprovalRefused(DraftId draft) {
        super(403, "Approval by the author refused", null, "You wrote draft " + draft
                + " yourself; another editor must approve it before it is published (four eyes).");
    }
}
