package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** Another editor saved, approved or rolled back the same article at the same moment; nothing of this call was stored. */
class ArticleChangedMeanwhile extends ProblemException {

    ArticleChangedMeanwhile(String articleId) {
        super(409, "Article changed meanwhile", null, "Another editor changed " + articleId
                + " at the same moment; reload it and try again.");
    }
}
