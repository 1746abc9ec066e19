package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/**
 * A roll-back publishes at once because its content passed four eyes before; a version that was never published did
 * not, so it has to go the draft way.
 */
class RollbackToUnpublishedVersionRefused extends ProblemException {

    RollbackToUnpublishedVersionRefused(String articleId, int version) {
        super(409, "Roll-back to an unpublished version refused", "version", "Version " + version + " of " + articleId
                + " was never published, so it was never approved; save it as a draft for another editor to approve.");
    }
}
