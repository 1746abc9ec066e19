package nl.loket.agent;

import nl.loket.platform.ProblemException;

/** No resident with this id (never existed, or past retention). */
class ResidentNotFoundException extends ProblemException {

    ResidentNotFoundException() {
        super(404, "Resident not found", null, "There is no resident with this id.");
    }
}
