package nl.loket.registry;

import nl.loket.platform.ProblemException;

/** No dead letter with this id (never failed, or replayed already). */
class DeadLetterNotFoundException extends ProblemException {

    DeadLetterNotFoundException() {
        super(404, "Dead letter not found", null, "There is no failed registration with this id.");
    }
}
