package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** A newer version of the article was saved after this draft; approving the older one would throw that away. */
class DraftSuperseded extends ProblemException {

    DraftSuperseded(DraftId draft, int latest) {
        super(409, "Draft superseded", null, "Draft " + draft + " is no longer the latest version of "
                + draft.articleId() + " (version " + latest + " is); review and approve that one instead.");
    }
}
