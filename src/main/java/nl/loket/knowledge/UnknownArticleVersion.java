package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** No article, draft or version by that id or number. */
class UnknownArticleVersion extends ProblemException {

    UnknownArticleVersion(String what) {
        super(404, "Not found", null, "There is no article or version '" + what + "'.");
    }
}
